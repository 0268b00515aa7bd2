package dev.auditweave.agent.internal.config;

import java.time.Duration;

/** Whole numbers within bounds: counts, bytes and milliseconds. */
final class NumberTypes {

    private NumberTypes() {
    }

    private static long wholeNumber(String text, long min, long max, String expected) {
        long value;
        try {
            value = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(expected);
        }
        if (value < min || value > max) {
            throw new IllegalArgumentException(expected);
        }
        return value;
    }

    record WholeNumber(int min, int max) implements ValueType<Integer> {

        @Override
        public Integer parse(String text) {
            return (int) wholeNumber(text, min, max, "expected " + expected());
        }

        @Override
        public String expected() {
            return "a whole number from " + min + " to " + max;
        }
    }

    record ByteCount(long min, long max) implements ValueType<Long> {

        @Override
        public Long parse(String text) {
            return wholeNumber(text, min, max, "expected " + expected());
        }

        @Override
        public String expected() {
            return "a whole number of bytes from " + min + " to " + max;
        }
    }

    record Millis(long min, long max) implements ValueType<Duration> {

        @Override
        public Duration parse(String text) {
            return Duration.ofMillis(wholeNumber(text, min, max, "expected " + expected()));
        }

        @Override
        public String expected() {
            return "a whole number of milliseconds from " + min + " to " + max;
        }
    }
}
