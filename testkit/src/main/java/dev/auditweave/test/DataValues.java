package dev.auditweave.test;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Whether a recorded data value is the one a test expects. Events carry snapshots, not the method's objects:
 * numbers keep their boxed type ({@code int} rows stay {@code Integer}, a {@code long} amount {@code Long}), enums
 * become their name. So numbers compare by value ({@code 100} matches {@code 100L} and {@code 100.0}) and an
 * expected enum matches its name; everything else compares with {@code equals}.
 */
final class DataValues {

    private DataValues() {
    }

    static boolean matches(Object expected, Object actual) {
        if (expected instanceof Enum<?> constant) {
            return constant.name().equals(actual);
        }
        if (expected instanceof Number wanted && actual instanceof Number found) {
            BigDecimal left = decimal(wanted);
            BigDecimal right = decimal(found);
            return left != null && right != null ? left.compareTo(right) == 0 : wanted.equals(found);
        }
        return Objects.equals(expected, actual);
    }

    /** The exact decimal value, or {@code null} for NaN and the infinities. */
    private static BigDecimal decimal(Number number) {
        try {
            return number instanceof BigDecimal exact ? exact : new BigDecimal(number.toString());
        } catch (NumberFormatException notFinite) {
            return null;
        }
    }
}
