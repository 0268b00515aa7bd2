package dev.auditweave.agent.internal.expr;

/**
 * {@code RETURNED_ROWS < <= > >= n} with an integer literal {@code n} (either side), compiled to one primitive
 * comparison: the most common guard ({@code RETURNED_ROWS > 0}) runs on every call, so it skips the boxing,
 * the null and NaN checks and the numeric-type dispatch of {@link OrderingNode}. Same result as that node:
 * {@code RETURNED_ROWS} is never null nor NaN.
 */
final class RowsThresholdNode implements Node {

    private final Ordering ordering;
    private final long threshold;
    private final boolean rowsOnLeft;

    RowsThresholdNode(Ordering ordering, long threshold, boolean rowsOnLeft) {
        this.ordering = ordering;
        this.threshold = threshold;
        this.rowsOnLeft = rowsOnLeft;
    }

    /** The fast node for {@code left <ordering> right}, or {@code null} when the shape does not fit. */
    static Node of(Ordering ordering, Node left, Node right) {
        if (left instanceof ReturnedRowsNode && right instanceof ConstantNode constant && isIntegral(constant.value())) {
            return new RowsThresholdNode(ordering, ((Number) constant.value()).longValue(), true);
        }
        if (right instanceof ReturnedRowsNode && left instanceof ConstantNode constant && isIntegral(constant.value())) {
            return new RowsThresholdNode(ordering, ((Number) constant.value()).longValue(), false);
        }
        return null;
    }

    private static boolean isIntegral(Object value) {
        return value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte;
    }

    @Override
    public Object evaluate(Object[] args, Object result, long now) {
        long rows = RowCount.of(result);
        int comparison = rowsOnLeft ? Long.compare(rows, threshold) : Long.compare(threshold, rows);
        return ordering.holds(comparison) ? Boolean.TRUE : Boolean.FALSE;
    }
}
