package dev.auditweave.agent.internal.expr;

/**
 * A {@link ContextRoot} ({@code ACTOR}, {@code REQUEST}, {@code TRACE}, {@code MDC}): the value capture resolved on
 * the calling thread and appended after the parameters, in its slot; {@code null} when it was not found (an anonymous
 * caller, no request, no span), and whenever the arguments carry no such slot.
 */
final class ContextNode implements Node {

    private final int slot;

    ContextNode(int slot) {
        this.slot = slot;
    }

    @Override
    public Object evaluate(Object[] args, Object result, long now) {
        return args != null && slot < args.length ? args[slot] : null;
    }
}
