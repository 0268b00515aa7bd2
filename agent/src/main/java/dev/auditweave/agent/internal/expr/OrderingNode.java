package dev.auditweave.agent.internal.expr;

/** {@code < <= > >=}: false when either side is null or NaN. */
final class OrderingNode implements Node {

    private final Ordering ordering;
    private final Node left;
    private final Node right;

    OrderingNode(Ordering ordering, Node left, Node right) {
        this.ordering = ordering;
        this.left = left;
        this.right = right;
    }

    @Override
    public Object evaluate(Object[] args, Object result, long now) {
        Object a = left.evaluate(args, result, now);
        Object b = right.evaluate(args, result, now);
        if (a == null || b == null) {
            return false;
        }
        if ((a instanceof Number x && Numbers.isNaN(x)) || (b instanceof Number y && Numbers.isNaN(y))) {
            return false;
        }
        return ordering.holds(Values.compare(a, b, ordering.symbol));
    }
}
