package dev.auditweave.agent.internal.expr;

/** {@code +} with a String on either side; {@code null} when either side is null. */
final class ConcatNode implements Node {

    private final Node left;
    private final Node right;

    ConcatNode(Node left, Node right) {
        this.left = left;
        this.right = right;
    }

    @Override
    public Object evaluate(Object[] args, Object result, long now) {
        Object a = left.evaluate(args, result, now);
        if (a == null) {
            return null;
        }
        Object b = right.evaluate(args, result, now);
        return b == null ? null : String.valueOf(a).concat(String.valueOf(b));
    }
}
