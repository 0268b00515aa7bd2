package dev.auditweave.agent.internal.expr;

/**
 * The roots an expression reads from the context of the call rather than from its arguments or result: each is
 * resolved on the calling thread as the method returns, only for a call whose firing annotations read it, and
 * travels in the arguments array, in a slot after the parameters ({@code parameters + offset()}). Capture appends
 * all {@link #COUNT} slots when any root is read, and fills only those read; a slot that is absent or {@code null}
 * reads as {@code null}.
 *
 * <pre>{@code
 * int roots = plan.contextRoots(selected);                     // ContextRoot.REQUEST.bit() | ContextRoot.TRACE.bit()
 * boolean request = ContextRoot.REQUEST.isIn(roots);           // true: resolve the request of this call
 * }</pre>
 */
public enum ContextRoot {

    /** {@code ACTOR}: the acting principal, a {@link dev.auditweave.agent.Actor}. */
    ACTOR,
    /** {@code REQUEST}: the request being served, a {@link Request}. */
    REQUEST,
    /** {@code TRACE}: the current OpenTelemetry span, a {@link Trace}. */
    TRACE,
    /** {@code MDC}: the logging context (SLF4J's MDC) of the application, a {@link ContextMap}. */
    MDC;

    /** How many slots capture appends after the parameters. */
    public static final int COUNT = values().length;

    /** Where this root travels, counted from the slot after the last parameter. */
    public int offset() {
        return ordinal();
    }

    /** This root's bit in a set of roots, as {@link CompiledExpression#contextRoots()} answers. */
    public int bit() {
        return 1 << ordinal();
    }

    /** Whether the set {@code roots} holds this root. */
    public boolean isIn(int roots) {
        return (roots & bit()) != 0;
    }
}
