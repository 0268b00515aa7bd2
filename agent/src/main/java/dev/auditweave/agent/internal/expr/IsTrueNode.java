package dev.auditweave.agent.internal.expr;

/** {@code INSERTED} on a result whose type is known: its boolean value, or its {@code inserted()} flag. */
final class IsTrueNode implements Node {

    private final Node flag;

    IsTrueNode(Node flag) {
        this.flag = flag;
    }

    @Override
    public Object evaluate(Object[] args, Object result, long now) {
        return Boolean.TRUE.equals(flag.evaluate(args, result, now));
    }
}
