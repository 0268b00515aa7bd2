package dev.auditweave.agent.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The value types of the key table. */
final class ValueTypes {

    private ValueTypes() {
    }

    static ValueType<Boolean> bool() {
        return new Bool();
    }

    static ValueType<Integer> wholeNumber(int min, int max) {
        return new WholeNumber(min, max);
    }

    static ValueType<Long> byteCount(long min, long max) {
        return new ByteCount(min, max);
    }

    static ValueType<Duration> millis(long min, long max) {
        return new Millis(min, max);
    }

    /**
     * A comma-separated list drawn from {@code names}, or {@code alone} by itself, which parses to the empty list.
     */
    static ValueType<List<String>> nameList(List<String> names, String alone) {
        return new NameList(List.copyOf(names), alone);
    }

    /** An absolute http or https URL; empty means none. */
    static ValueType<Optional<URI>> httpUrl() {
        return new HttpUrl();
    }

    /** Free text; empty means none. */
    static ValueType<Optional<String>> optionalText(String expected) {
        return new OptionalText(expected);
    }

    /** A header value: never shown, and without line breaks so that it cannot smuggle in another header. */
    static ValueType<String> secretHeaderValue() {
        return new SecretHeaderValue();
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

    private record Bool() implements ValueType<Boolean> {

        @Override
        public Boolean parse(String text) {
            if (text.equalsIgnoreCase("true")) {
                return true;
            }
            if (text.equalsIgnoreCase("false")) {
                return false;
            }
            throw new IllegalArgumentException("expected " + expected());
        }

        @Override
        public String expected() {
            return "true or false";
        }
    }

    private record WholeNumber(int min, int max) implements ValueType<Integer> {

        @Override
        public Integer parse(String text) {
            return (int) wholeNumber(text, min, max, "expected " + expected());
        }

        @Override
        public String expected() {
            return "a whole number from " + min + " to " + max;
        }
    }

    private record ByteCount(long min, long max) implements ValueType<Long> {

        @Override
        public Long parse(String text) {
            return wholeNumber(text, min, max, "expected " + expected());
        }

        @Override
        public String expected() {
            return "a whole number of bytes from " + min + " to " + max;
        }
    }

    private record Millis(long min, long max) implements ValueType<Duration> {

        @Override
        public Duration parse(String text) {
            return Duration.ofMillis(wholeNumber(text, min, max, "expected " + expected()));
        }

        @Override
        public String expected() {
            return "a whole number of milliseconds from " + min + " to " + max;
        }
    }

    private record NameList(List<String> names, String alone) implements ValueType<List<String>> {

        @Override
        public List<String> parse(String text) {
            List<String> result = new ArrayList<>();
            for (String part : text.split(",", -1)) {
                String name = part.trim().toLowerCase(Locale.ROOT);
                if (name.equals(alone)) {
                    result.add(name);
                } else if (!names.contains(name)) {
                    throw new IllegalArgumentException("expected " + expected());
                } else if (!result.contains(name)) {
                    result.add(name);
                }
            }
            if (result.contains(alone)) {
                if (result.size() > 1) {
                    throw new IllegalArgumentException(
                            "expected " + alone + " alone: it cannot be combined with " + String.join(", ", names));
                }
                return List.of();
            }
            return List.copyOf(result);
        }

        @Override
        public String expected() {
            return "a comma-separated list of " + String.join(", ", names) + "; or " + alone + " alone";
        }
    }

    private record HttpUrl() implements ValueType<Optional<URI>> {

        @Override
        public Optional<URI> parse(String text) {
            if (text.isEmpty()) {
                return Optional.empty();
            }
            URI uri;
            try {
                uri = new URI(text);
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("expected " + expected() + " (" + e.getReason() + ")");
            }
            String scheme = uri.getScheme();
            boolean http = scheme != null && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"));
            if (!http || uri.getHost() == null) {
                throw new IllegalArgumentException("expected " + expected());
            }
            return Optional.of(uri);
        }

        @Override
        public String expected() {
            return "an absolute http or https URL such as https://host/api/events, or empty for none";
        }

        /** Hides a password given as user info ({@code https://user:secret@host/...}). */
        @Override
        public String shown(String text) {
            int scheme = text.indexOf("://");
            int at = text.indexOf('@');
            int path = text.indexOf('/', scheme < 0 ? 0 : scheme + 3);
            boolean userInfo = scheme >= 0 && at > scheme && (path < 0 || at < path);
            return userInfo ? text.substring(0, scheme + 3) + "***" + text.substring(at) : text;
        }
    }

    private record OptionalText(String expected) implements ValueType<Optional<String>> {

        @Override
        public Optional<String> parse(String text) {
            return text.isEmpty() ? Optional.empty() : Optional.of(text);
        }
    }

    private record SecretHeaderValue() implements ValueType<String> {

        @Override
        public String parse(String text) {
            if (text.indexOf('\r') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("expected " + expected());
            }
            return text;
        }

        @Override
        public String expected() {
            return "a header value without line breaks; empty leaves the header out";
        }

        @Override
        public String shown(String text) {
            return text.isEmpty() ? "" : "***";
        }
    }
}
