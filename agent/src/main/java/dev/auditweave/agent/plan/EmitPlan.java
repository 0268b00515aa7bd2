package dev.auditweave.agent.plan;

import java.util.List;

/**
 * Everything derived from one annotated method, built once and shared by both weavers.
 *
 * @param method a readable name of the method, for logs
 * @param specs  one per valid {@code @EmitsAbuseEvent}; an annotation with a bad expression is left out
 */
public record EmitPlan(String method, List<EventSpec> specs) {

    public EmitPlan {
        specs = List.copyOf(specs);
    }

    /** Whether any annotation of the method survived compilation. */
    public boolean isEmpty() {
        return specs.isEmpty();
    }
}
