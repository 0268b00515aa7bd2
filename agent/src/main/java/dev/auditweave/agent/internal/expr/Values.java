package dev.auditweave.agent.internal.expr;

/** Equality and ordering of run-time values, across numeric types and between enums and their names. */
final class Values {

    private Values() {
    }

    static boolean equal(Object a, Object b) {
        if (a == b) {
            // NaN is not equal to itself, even when both sides are the same boxed Double.
            return !(a instanceof Number n && Numbers.isNaN(n));
        }
        if (a == null || b == null) {
            return false;
        }
        if (a instanceof Number x && b instanceof Number y) {
            return !Numbers.isNaN(x) && !Numbers.isNaN(y) && Numbers.compare(x, y) == 0;
        }
        if (a instanceof Enum<?> e && b instanceof String s) {
            return e.name().equals(s);
        }
        if (a instanceof String s && b instanceof Enum<?> e) {
            return e.name().equals(s);
        }
        return a.equals(b);
    }

    /**
     * The sign of {@code a} compared with {@code b}, both non-null and neither NaN.
     *
     * @throws ExpressionEvaluationException when they cannot be ordered
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static int compare(Object a, Object b, String operator) {
        if (a instanceof Number x && b instanceof Number y) {
            return Numbers.compare(x, y);
        }
        if (a instanceof Comparable && (a.getClass().isInstance(b) || b.getClass().isInstance(a))) {
            return ((Comparable) a).compareTo(b);
        }
        throw new ExpressionEvaluationException("operator '" + operator + "' cannot compare a "
                + a.getClass().getName() + " with a " + b.getClass().getName());
    }
}
