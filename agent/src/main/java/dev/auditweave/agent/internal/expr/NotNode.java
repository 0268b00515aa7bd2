package dev.auditweave.agent.internal.expr;

/** {@code !operand}; {@code !null} is true. */
final class NotNode implements Node {

    private final Node operand;

    NotNode(Node operand) {
        this.operand = operand;
    }

    @Override
    public Object evaluate(Object[] args, Object result, long now) {
        return !Truth.of(operand.evaluate(args, result, now), "!");
    }
}
