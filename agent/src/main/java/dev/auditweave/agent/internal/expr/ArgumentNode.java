package dev.auditweave.agent.internal.expr;

/** A parameter, by name or as {@code args[i]}. */
final class ArgumentNode implements Node {

    private final int index;

    ArgumentNode(int index) {
        this.index = index;
    }

    @Override
    public Object evaluate(Object[] args, Object result, long now) {
        return args[index];
    }
}
