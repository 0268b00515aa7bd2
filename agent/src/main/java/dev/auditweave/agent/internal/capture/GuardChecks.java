package dev.auditweave.agent.internal.capture;

import dev.auditweave.agent.internal.expr.ArgumentCheck;
import dev.auditweave.agent.internal.plan.EmitPlan;
import dev.auditweave.agent.internal.plan.EventSpec;
import dev.auditweave.agent.internal.runtime.AuditweaveRuntime;
import java.util.List;

/**
 * The checks of step one, on the calling thread, as bit sets of a plan's annotations ({@link Capture#select}): the
 * result checks ({@link EventSpec#resultCheck()}) and the argument checks ({@link EventSpec#argumentCheck()}), each
 * of which must hold for its guard to hold. An annotation they rule out is counted as guarded out; one they cannot
 * tell about is left to step two, which evaluates its whole guard.
 *
 * <pre>{@code
 * long selected = GuardChecks.resultChecks(runtime, plan, plan.returnedSpecs(), result);
 * long left = GuardChecks.argumentChecks(plan, selected, 1, reason);
 * }</pre>
 */
final class GuardChecks {

    private GuardChecks() {
    }

    /** Every annotation of {@code plan}, as a {@link Capture#select} answer. */
    static long every(EmitPlan plan) {
        int count = plan.specs().size();
        return count >= Capture.SELECTABLE ? Capture.ALL : (1L << count) - 1;
    }

    /**
     * Of the {@code candidates}, those whose {@link EventSpec#resultCheck() result check} on {@code value} (the result
     * or THROWN) holds, and those left to step two.
     */
    static long resultChecks(AuditweaveRuntime runtime, EmitPlan plan, long candidates, Object value) {
        List<EventSpec> specs = plan.specs();
        int count = specs.size();
        if (count > Capture.SELECTABLE) {
            return Capture.ALL;
        }
        long checked = plan.resultChecks();
        long selected = 0L;
        for (int i = 0; i < count; i++) {
            long bit = 1L << i;
            if ((candidates & bit) != 0L && ((checked & bit) == 0L || passes(runtime, plan, specs.get(i), value))) {
                selected |= bit;
            }
        }
        return selected;
    }

    /**
     * Whether the result check of {@code spec} holds. It reads neither arguments nor NOW: neither is needed. A
     * whole guard that throws is a failed capture; a precondition that throws leaves the verdict to the whole guard in
     * step two, which evaluates its operands in the order written.
     */
    private static boolean passes(AuditweaveRuntime runtime, EmitPlan plan, EventSpec spec, Object value) {
        try {
            if (spec.resultCheck().test(null, value, 0L)) {
                return true;
            }
            spec.guardedOut().increment();
            return false;
        } catch (Throwable t) {
            if (!spec.guardDecidedByResult()) {
                return true;
            }
            Emitter.failed(runtime, plan, spec, t);
            return false;
        }
    }

    /**
     * Of the {@code candidates}, those whose {@link EventSpec#argumentCheck() argument check} of parameter
     * {@code index} holds for {@code argument}, and those left to step two; each ruled out is counted as guarded out.
     */
    static long argumentChecks(EmitPlan plan, long candidates, int index, Object argument) {
        EventSpec sole = plan.soleArgumentCheck();
        if (sole != null) {
            // The common case, one annotation to check: no loop on a path inlined into every instrumented method.
            long bit = plan.argumentChecks();
            return (candidates & bit) == 0L || holds(sole, index, argument) ? candidates : candidates & ~bit;
        }
        List<EventSpec> specs = plan.specs();
        long checks = candidates & plan.argumentChecks();
        long selected = candidates;
        for (int i = 0; checks != 0L && i < specs.size(); i++) {
            long bit = 1L << i;
            if ((checks & bit) != 0L && !holds(specs.get(i), index, argument)) {
                selected &= ~bit;
            }
        }
        return selected;
    }

    /** Whether the argument check of {@code spec} holds, or cannot tell: true unless it was false for argument {@code index}. */
    private static boolean holds(EventSpec spec, int index, Object argument) {
        return spec.argumentCheck().index() != index || holds(spec, argument);
    }

    /** Whether the argument check of {@code spec} holds for its argument, or cannot tell; false is counted. */
    private static boolean holds(EventSpec spec, Object argument) {
        try {
            if (spec.argumentCheck().test(argument)) {
                return true;
            }
            spec.guardedOut().increment();
            return false;
        } catch (Throwable t) {
            return true;
        }
    }
}
