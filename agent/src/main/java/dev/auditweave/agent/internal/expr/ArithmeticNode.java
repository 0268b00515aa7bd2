package dev.auditweave.agent.internal.expr;

/**
 * {@code left op right} on numbers; {@code null} when either side is null. A dynamically typed {@code +} with a
 * String on either side concatenates, as the static {@link ConcatNode} would.
 */
final class ArithmeticNode implements Node {

    private final ArithmeticOperator operator;
    private final String symbol;
    private final Node left;
    private final Node right;

    ArithmeticNode(ArithmeticOperator operator, String symbol, Node left, Node right) {
        this.operator = operator;
        this.symbol = symbol;
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
        if (b == null) {
            return null;
        }
        if (a instanceof Number x && b instanceof Number y) {
            return operator.apply(x, y);
        }
        if (operator == ArithmeticOperator.PLUS && (a instanceof String || b instanceof String)) {
            return String.valueOf(a).concat(String.valueOf(b));
        }
        Object offending = a instanceof Number ? b : a;
        throw new ExpressionEvaluationException("operator '" + symbol + "' needs numbers, but got a "
                + offending.getClass().getName());
    }
}
