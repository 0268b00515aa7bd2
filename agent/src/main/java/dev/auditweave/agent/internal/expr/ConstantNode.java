package dev.auditweave.agent.internal.expr;

/** A literal. */
final class ConstantNode implements Node {

    private final Object value;

    ConstantNode(Object value) {
        this.value = value;
    }

    Object value() {
        return value;
    }

    @Override
    public Object evaluate(Object[] args, Object result, long now) {
        return value;
    }
}
