package dev.auditweave.agent.internal.config;

import dev.auditweave.agent.internal.context.Cidr;
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

    /**
     * The {@code url} of a named sink: an absolute URL of any scheme (an http sink needs http or https, a jdbc sink
     * {@code jdbc:}; each is checked for its type), without spaces or control characters; empty means none.
     */
    static ValueType<Optional<String>> sinkUrl() {
        return new SinkUrl();
    }

    /** Free text; empty means none. */
    static ValueType<Optional<String>> optionalText(String expected) {
        return new OptionalText(expected);
    }

    /** A header value: never shown, and without line breaks so that it cannot smuggle in another header. */
    static ValueType<String> secretHeaderValue() {
        return new SecretHeaderValue();
    }

    // ---- Several destinations (issue #4) ----

    /** Sink names as written in {@code auditweave.sinks}: letters, digits and {@code -}, starting with a letter. */
    static final java.util.regex.Pattern SINK_NAME = java.util.regex.Pattern.compile("[A-Za-z][A-Za-z0-9-]*");

    /** What a type pattern may hold: the characters of event types, and {@code *}. */
    static final java.util.regex.Pattern TYPE_PATTERN = java.util.regex.Pattern.compile("[A-Za-z0-9._:/*-]+");

    /** A comma-separated list of sink names, lower-cased, without duplicates; empty means none. */
    static ValueType<List<String>> sinkNames() {
        return new SinkNames();
    }

    /** One of {@code names}, lower-cased. */
    static ValueType<String> oneOf(List<String> names) {
        return new OneOf(List.copyOf(names));
    }

    /** What a sink type may be: a letter, then letters, digits, {@code .}, {@code _} and {@code -}. */
    static final java.util.regex.Pattern SINK_TYPE = java.util.regex.Pattern.compile("[A-Za-z][A-Za-z0-9._-]*");

    /** The type of a named sink: a built-in one or a provider's, lower-cased; which exist is checked at start-up. */
    static ValueType<String> sinkType(List<String> builtIn) {
        return new SinkType(List.copyOf(builtIn));
    }

    /** A setting of a sink's own type: any text, empty included; its provider reads and checks it. */
    static ValueType<String> sinkSetting() {
        return new SinkSetting();
    }

    private record SinkType(List<String> builtIn) implements ValueType<String> {

        @Override
        public String parse(String text) {
            if (!SINK_TYPE.matcher(text).matches()) {
                throw new IllegalArgumentException("expected " + expected());
            }
            return text.toLowerCase(Locale.ROOT);
        }

        @Override
        public String expected() {
            return String.join(", ", builtIn) + " or the type of a SinkProvider (a letter, then letters, digits, ., _"
                    + " or -)";
        }
    }

    private record SinkSetting() implements ValueType<String> {

        @Override
        public String parse(String text) {
            return text;
        }

        @Override
        public String expected() {
            return "what the sink's provider reads";
        }
    }

    /** A comma-separated list of event type patterns where {@code *} stands for any text. */
    static ValueType<List<String>> typePatterns() {
        return new TypePatterns();
    }

    /** Non-empty free text. */
    static ValueType<String> text(String expected) {
        return new Text(expected);
    }

    // ---- Declared emit sites and switching sites off (issue #15) ----

    /** One method, as {@link MethodRef#parse} reads it. */
    static ValueType<MethodRef> methodRef() {
        return new OneMethod();
    }

    /** A comma-separated list of methods; empty means none. */
    static ValueType<List<MethodRef>> methodRefs() {
        return new MethodList();
    }

    /** As {@link #typePatterns()}, and empty means none. */
    static ValueType<List<String>> optionalTypePatterns() {
        return new OptionalTypePatterns();
    }

    /** Any text, empty included. */
    static ValueType<String> anyText(String expected) {
        return new AnyText(expected);
    }

    private record OneMethod() implements ValueType<MethodRef> {

        @Override
        public MethodRef parse(String text) {
            return MethodRef.parse(text);
        }

        @Override
        public String expected() {
            return MethodRef.EXPECTED;
        }
    }

    private record MethodList() implements ValueType<List<MethodRef>> {

        @Override
        public List<MethodRef> parse(String text) {
            if (text.isBlank()) {
                return List.of();
            }
            List<MethodRef> methods = new ArrayList<>();
            // A comma also separates parameter types: split only outside parentheses.
            int depth = 0;
            int start = 0;
            for (int i = 0; i <= text.length(); i++) {
                char c = i < text.length() ? text.charAt(i) : ',';
                depth += c == '(' ? 1 : c == ')' ? -1 : 0;
                if (c == ',' && depth == 0) {
                    methods.add(MethodRef.parse(text.substring(start, i)));
                    start = i + 1;
                }
            }
            return List.copyOf(methods);
        }

        @Override
        public String expected() {
            return "a comma-separated list of " + MethodRef.EXPECTED.replace("a method as ", "methods as ");
        }
    }

    private record OptionalTypePatterns() implements ValueType<List<String>> {

        @Override
        public List<String> parse(String text) {
            return text.isBlank() ? List.of() : typePatterns().parse(text);
        }

        @Override
        public String expected() {
            return typePatterns().expected() + "; empty for none";
        }
    }

    private record AnyText(String expected) implements ValueType<String> {

        @Override
        public String parse(String text) {
            return text;
        }
    }

    // ---- Context that travels with the event (issue #13) ----

    /** A comma-separated list of IP addresses and CIDR blocks; empty means none. */
    static ValueType<List<Cidr>> cidrList() {
        return new CidrList();
    }

    /**
     * For families, whose values are text: checks the text with {@code typed} and keeps it; {@link Checked#typed()}
     * turns it into the typed value later.
     */
    static <T> Checked<T> checked(ValueType<T> typed) {
        return new Checked<>(typed);
    }

    record Checked<T>(ValueType<T> typed) implements ValueType<String> {

        @Override
        public String parse(String text) {
            typed.parse(text);
            return text;
        }

        @Override
        public String expected() {
            return typed.expected();
        }

        @Override
        public String shown(String text) {
            return typed.shown(text);
        }
    }

    private record SinkNames() implements ValueType<List<String>> {

        @Override
        public List<String> parse(String text) {
            if (text.isEmpty()) {
                return List.of();
            }
            List<String> result = new ArrayList<>();
            for (String part : text.split(",", -1)) {
                String name = part.trim();
                if (!SINK_NAME.matcher(name).matches()) {
                    throw new IllegalArgumentException("expected " + expected());
                }
                name = name.toLowerCase(Locale.ROOT);
                if (!result.contains(name)) {
                    result.add(name);
                }
            }
            return List.copyOf(result);
        }

        @Override
        public String expected() {
            return "a comma-separated list of sink names (letters, digits and -, starting with a letter), or empty"
                    + " for none";
        }
    }

    private record OneOf(List<String> names) implements ValueType<String> {

        @Override
        public String parse(String text) {
            String name = text.trim().toLowerCase(Locale.ROOT);
            if (!names.contains(name)) {
                throw new IllegalArgumentException("expected " + expected());
            }
            return name;
        }

        @Override
        public String expected() {
            return "one of " + String.join(", ", names);
        }
    }

    private record TypePatterns() implements ValueType<List<String>> {

        @Override
        public List<String> parse(String text) {
            List<String> result = new ArrayList<>();
            for (String part : text.split(",", -1)) {
                String pattern = part.trim();
                if (!TYPE_PATTERN.matcher(pattern).matches()) {
                    throw new IllegalArgumentException("expected " + expected() + ", not '" + pattern + "'");
                }
                if (!result.contains(pattern)) {
                    result.add(pattern);
                }
            }
            return List.copyOf(result);
        }

        @Override
        public String expected() {
            return "a comma-separated list of event types where * stands for any text, such as user.*,org.*";
        }
    }

    private record CidrList() implements ValueType<List<Cidr>> {

        @Override
        public List<Cidr> parse(String text) {
            if (text.isBlank()) {
                return List.of();
            }
            List<Cidr> result = new ArrayList<>();
            for (String part : text.split(",", -1)) {
                Cidr block;
                try {
                    block = Cidr.parse(part);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(e.getMessage() + "; expected " + expected());
                }
                if (!result.contains(block)) {
                    result.add(block);
                }
            }
            return List.copyOf(result);
        }

        @Override
        public String expected() {
            return "a comma-separated list of IP addresses and CIDR blocks, such as 10.0.0.0/8,192.168.1.7,::1, or"
                    + " empty for none";
        }
    }

    private record Text(String expected) implements ValueType<String> {

        @Override
        public String parse(String text) {
            if (text.isEmpty()) {
                throw new IllegalArgumentException("expected " + expected);
            }
            return text;
        }
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

    private record SinkUrl() implements ValueType<Optional<String>> {

        private static final java.util.regex.Pattern ABSOLUTE =
                java.util.regex.Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:[^\\s\\p{Cntrl}]+");
        /** A {@code password=} parameter of a JDBC URL, up to the next separator. */
        private static final java.util.regex.Pattern PASSWORD_PARAMETER =
                java.util.regex.Pattern.compile("(?i)(password=)[^;&]*");

        @Override
        public Optional<String> parse(String text) {
            if (text.isEmpty()) {
                return Optional.empty();
            }
            if (!ABSOLUTE.matcher(text).matches()) {
                throw new IllegalArgumentException("expected " + expected());
            }
            return Optional.of(text);
        }

        @Override
        public String expected() {
            return "an absolute URL: http or https for an http sink (https://host/api/events), jdbc: for a jdbc sink"
                    + " (jdbc:postgresql://host:5432/app), or empty for none";
        }

        /** Hides a password given as user info or as a {@code password=} parameter. */
        @Override
        public String shown(String text) {
            return PASSWORD_PARAMETER.matcher(new HttpUrl().shown(text)).replaceAll("$1***");
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
