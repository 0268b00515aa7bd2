package dev.auditweave.agent.plan;

import java.util.List;
import java.util.Objects;

/**
 * Everything derived from one annotated method, built once and shared by both weavers.
 *
 * <p>Also keeps, as a bit set, which annotations' guards the result alone decides
 * ({@link EventSpec#guardDecidedByResult()}), so that the calling thread does not ask each guard on every call.
 */
public final class EmitPlan {

    private final String method;
    private final List<EventSpec> specs;
    private final long guardsDecidedByResult;

    /**
     * @param method a readable name of the method, for logs
     * @param specs  one per valid {@code @EmitsAbuseEvent}; an annotation with a bad expression is left out
     */
    public EmitPlan(String method, List<EventSpec> specs) {
        this.method = Objects.requireNonNull(method, "method");
        this.specs = List.copyOf(specs);
        long mask = 0L;
        for (int i = 0; i < Math.min(this.specs.size(), Long.SIZE); i++) {
            if (this.specs.get(i).guardDecidedByResult()) {
                mask |= 1L << i;
            }
        }
        this.guardsDecidedByResult = mask;
    }

    /** A readable name of the method, for logs. */
    public String method() {
        return method;
    }

    /** One per valid {@code @EmitsAbuseEvent}; an annotation with a bad expression is left out. */
    public List<EventSpec> specs() {
        return specs;
    }

    /**
     * Bit {@code i} set when the guard of annotation {@code i} reads only the result (for the first 64
     * annotations).
     */
    public long guardsDecidedByResult() {
        return guardsDecidedByResult;
    }

    /** Whether any annotation of the method survived compilation. */
    public boolean isEmpty() {
        return specs.isEmpty();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EmitPlan plan && method.equals(plan.method) && specs.equals(plan.specs);
    }

    @Override
    public int hashCode() {
        return Objects.hash(method, specs);
    }

    @Override
    public String toString() {
        return "EmitPlan[method=" + method + ", specs=" + specs + "]";
    }
}
