package dev.auditweave.agent.internal.plan;

import dev.auditweave.agent.internal.expr.ArgumentCheck;
import dev.auditweave.agent.internal.metrics.GuardCounter;

/**
 * Step one of a plan whose guard one argument decides alone ({@link EmitPlan#argumentAtHand()}): that annotation's
 * argument check with the two answers it can give, laid out flat, so that deciding a guard-false call reads this
 * object and the argument, and nothing else of the plan.
 *
 * <pre>{@code
 * ArgumentAtHand atHand = plan.argumentAtHand();      // reason == 'fraud' on flag(String userId, String reason)
 * atHand.index();                                     // 1
 * atHand.select("spam");                              // 0: ruled out, counted as guarded out
 * }</pre>
 */
public final class ArgumentAtHand {

    private final int index;
    private final String text;
    private final boolean unequal;
    private final ArgumentCheck check;
    private final GuardCounter guardedOut;
    /** Step one's answer when the check holds (or cannot tell): every {@code on = RETURNED} annotation. */
    private final long held;
    /** Its answer when the check is false: the same, less the annotation checked. */
    private final long ruledOut;

    private ArgumentAtHand(EventSpec spec, long returned, long checked) {
        this.check = spec.argumentCheck();
        this.index = check.index();
        this.text = check.text();
        this.unequal = check.unequal();
        this.guardedOut = spec.guardedOut();
        this.held = returned;
        this.ruledOut = returned & ~checked;
    }

    /**
     * The check at hand of a plan whose {@code on = RETURNED} annotations are {@code returned}, those with an argument
     * check {@code checked}, when {@code spec} (the one checked) decides step one alone; {@code null} when there is no
     * such annotation. A factory rather than a constructor call in {@link EmitPlan}: every plan goes through this class,
     * so it is loaded before the first plan is read, and the JIT inlines {@link EmitPlan#argumentAtHand()} into every
     * advice. A class that is not loaded yet in a method's signature keeps that call out of line ("unloaded signature
     * classes"), one call per guard-false call where no guard of the JVM reads an argument alone.
     */
    static ArgumentAtHand of(EventSpec spec, long returned, long checked) {
        return spec != null ? new ArgumentAtHand(spec, returned, checked) : null;
    }

    /** The parameter the check reads, from 0; one of the first {@value EmitPlan#ARGUMENTS_AT_HAND}. */
    public int index() {
        return index;
    }

    /**
     * Step one's answer for {@code argument}, the call's parameter {@link #index()}: every {@code on = RETURNED}
     * annotation, less the one checked when its check is false (counted as guarded out). A check that throws leaves
     * the verdict to the whole guard in step two. The literal's comparison is {@link ArgumentCheck#test}'s, read from
     * this object's own fields rather than through the check: the hop saved is what
     * {@code guardFalse_agentArgumentsOnly} measured (docs/performance.md).
     */
    public long select(Object argument) {
        String compared = text;
        if (compared != null) {
            if (unequal != compared.equals(argument)) {
                return held;
            }
        } else if (holds(argument)) {
            return held;
        }
        guardedOut.increment();
        return ruledOut;
    }

    private boolean holds(Object argument) {
        try {
            return check.test(argument);
        } catch (Throwable t) {
            return true;
        }
    }
}
