package dev.auditweave.agent.internal.expr;

/** {@code left && right}, short-circuit: {@code right} is not evaluated when {@code left} is false or null. */
final class AndNode implements Node {

    private final Node left;
    private final Node right;

    AndNode(Node left, Node right) {
        this.left = left;
        this.right = right;
    }

    @Override
    public Object evaluate(Object[] args, Object result, long now) {
        return Truth.of(left.evaluate(args, result, now), "&&") && Truth.of(right.evaluate(args, result, now), "&&");
    }

    /** Both sides must hold: the larger of their floors. */
    @Override
    public long rowsAtLeast() {
        return Math.max(left.rowsAtLeast(), right.rowsAtLeast());
    }
}
