package dev.auditweave.agent.internal.expr;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Numeric promotion across boxed types: BigDecimal/BigInteger win, then Float/Double, else everything is a long.
 * Comparisons are exact, so {@code 1 == 1L == 1.0 == BigDecimal.ONE}.
 */
final class Numbers {

    private Numbers() {
    }

    static boolean isBig(Number n) {
        return n instanceof BigDecimal || n instanceof BigInteger;
    }

    static boolean isFloating(Number n) {
        return n instanceof Double || n instanceof Float;
    }

    static boolean isNaN(Number n) {
        return isFloating(n) && Double.isNaN(n.doubleValue());
    }

    /** Compares two numbers that are not NaN. */
    static int compare(Number a, Number b) {
        boolean floatingA = isFloating(a);
        boolean floatingB = isFloating(b);
        if (!isBig(a) && !isBig(b)) {
            if (!floatingA && !floatingB) {
                return Long.compare(a.longValue(), b.longValue());
            }
            if (floatingA && floatingB) {
                return compare(a.doubleValue(), b.doubleValue());
            }
            return floatingA ? -compare(b.longValue(), a.doubleValue()) : compare(a.longValue(), b.doubleValue());
        }
        if (floatingA && Double.isInfinite(a.doubleValue())) {
            return a.doubleValue() > 0 ? 1 : -1;
        }
        if (floatingB && Double.isInfinite(b.doubleValue())) {
            return b.doubleValue() > 0 ? -1 : 1;
        }
        return big(a).compareTo(big(b));
    }

    private static int compare(double a, double b) {
        // Not Double.compare: that orders -0.0 before 0.0, but for the language they are equal.
        return a < b ? -1 : a > b ? 1 : 0;
    }

    /** Exact, unlike converting the long to a double, which loses precision beyond 2^53. */
    private static int compare(long a, double b) {
        if (b >= 0x1p63) {
            return -1;
        }
        if (b < -0x1p63) {
            return 1;
        }
        long whole = (long) b;
        if (a != whole) {
            return Long.compare(a, whole);
        }
        double fraction = b - whole;
        return fraction > 0 ? -1 : fraction < 0 ? 1 : 0;
    }

    /** {@code n} as a BigDecimal; a double as written ({@code 0.1} stays {@code 0.1}). */
    static BigDecimal big(Number n) {
        if (n instanceof BigDecimal decimal) {
            return decimal;
        }
        if (n instanceof BigInteger integer) {
            return new BigDecimal(integer);
        }
        if (isFloating(n)) {
            double value = n.doubleValue();
            if (Double.isNaN(value) || Double.isInfinite(value)) {
                throw new ExpressionEvaluationException("cannot compute " + value + " with a BigDecimal");
            }
            return n instanceof Float ? new BigDecimal(n.toString()) : BigDecimal.valueOf(value);
        }
        return BigDecimal.valueOf(n.longValue());
    }

    static Number negate(Number n) {
        if (n instanceof BigDecimal decimal) {
            return decimal.negate();
        }
        if (n instanceof BigInteger integer) {
            return integer.negate();
        }
        if (isFloating(n)) {
            return -n.doubleValue();
        }
        return Math.negateExact(n.longValue());
    }
}
