package dev.auditweave.agent.internal.expr;

/** {@code ==} or {@code !=}; see {@link Values#equal}. */
final class EqualityNode implements Node {

    private final boolean negated;
    private final Node left;
    private final Node right;

    EqualityNode(boolean negated, Node left, Node right) {
        this.negated = negated;
        this.left = left;
        this.right = right;
    }

    @Override
    public Object evaluate(Object[] args, Object result, long now) {
        return negated != Values.equal(left.evaluate(args, result, now), right.evaluate(args, result, now));
    }
}
