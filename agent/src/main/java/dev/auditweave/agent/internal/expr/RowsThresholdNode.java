package dev.auditweave.agent.internal.expr;

/**
 * {@code RETURNED_ROWS < <= > >= n} with an integer literal {@code n} (either side), compiled to one range check:
 * the most common guard ({@code RETURNED_ROWS > 0}) runs on every call, so it skips the boxing, the null and NaN
 * checks and the numeric-type dispatch of {@link OrderingNode}, and the comparison is decided when the guard is
 * compiled. Same result as that node: {@code RETURNED_ROWS} is never null nor NaN.
 */
final class RowsThresholdNode implements Node {

    /** The rows for which the comparison holds: {@code lowest <= rows <= highest} (empty when lowest > highest). */
    private final long lowest;
    private final long highest;

    private RowsThresholdNode(long lowest, long highest) {
        this.lowest = lowest;
        this.highest = highest;
    }

    /** The fast node for {@code left <ordering> right}, or {@code null} when the shape does not fit. */
    static Node of(Ordering ordering, Node left, Node right) {
        if (left instanceof ReturnedRowsNode && right instanceof ConstantNode constant && isIntegral(constant.value())) {
            return rows(ordering, ((Number) constant.value()).longValue());
        }
        if (right instanceof ReturnedRowsNode && left instanceof ConstantNode constant && isIntegral(constant.value())) {
            return rows(ordering.mirrored(), ((Number) constant.value()).longValue());
        }
        return null;
    }

    /** {@code RETURNED_ROWS <ordering> threshold}, as the range of rows for which it holds. */
    private static RowsThresholdNode rows(Ordering ordering, long threshold) {
        switch (ordering) {
            case LESS:
                return threshold == Long.MIN_VALUE ? new RowsThresholdNode(1, 0)
                        : new RowsThresholdNode(Long.MIN_VALUE, threshold - 1);
            case LESS_OR_EQUAL:
                return new RowsThresholdNode(Long.MIN_VALUE, threshold);
            case GREATER:
                return threshold == Long.MAX_VALUE ? new RowsThresholdNode(1, 0)
                        : new RowsThresholdNode(threshold + 1, Long.MAX_VALUE);
            default:
                return new RowsThresholdNode(threshold, Long.MAX_VALUE);
        }
    }

    private static boolean isIntegral(Object value) {
        return value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte;
    }

    @Override
    public Object evaluate(Object[] args, Object result, long now) {
        long rows = RowCount.of(result);
        return rows >= lowest && rows <= highest ? Boolean.TRUE : Boolean.FALSE;
    }

    @Override
    public long rowsAtLeast() {
        return lowest <= highest ? lowest : Long.MAX_VALUE;
    }
}
