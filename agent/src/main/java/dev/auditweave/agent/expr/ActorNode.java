package dev.auditweave.agent.expr;

/**
 * {@code ACTOR}: the actor that capture resolved on the calling thread and appended after the parameters
 * ({@link Scope#actorSlot()}); {@code null} for an anonymous caller, and whenever the arguments carry no such slot.
 */
final class ActorNode implements Node {

    private final int slot;

    ActorNode(int slot) {
        this.slot = slot;
    }

    @Override
    public Object evaluate(Object[] args, Object result, long now) {
        return args != null && slot < args.length ? args[slot] : null;
    }
}
