package dev.auditweave.agent.internal.expr;

/** {@code target.name} on a declared type: the reader was resolved at compile time. Null-safe. */
final class PropertyNode implements Node {

    private final Node target;
    private final PropertyReader reader;

    PropertyNode(Node target, PropertyReader reader) {
        this.target = target;
        this.reader = reader;
    }

    @Override
    public Object evaluate(Object[] args, Object result, long now) {
        Object owner = target.evaluate(args, result, now);
        return owner == null ? null : reader.read(owner);
    }
}
