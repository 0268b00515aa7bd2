package dev.auditweave.agent.internal.config;

import dev.auditweave.agent.internal.context.Cidr;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Comma-separated lists: names, sink names, event type patterns, CIDR blocks, methods. */
final class ListTypes {

    /** What a type pattern may hold: the characters of event types, and {@code *}. */
    private static final Pattern TYPE_PATTERN = Pattern.compile("[A-Za-z0-9._:/*-]+");

    private ListTypes() {
    }

    record NameList(List<String> names, String alone) implements ValueType<List<String>> {

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

    record SinkNames() implements ValueType<List<String>> {

        @Override
        public List<String> parse(String text) {
            if (text.isEmpty()) {
                return List.of();
            }
            List<String> result = new ArrayList<>();
            for (String part : text.split(",", -1)) {
                String name = part.trim();
                if (!ValueTypes.SINK_NAME.matcher(name).matches()) {
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

    record TypePatterns() implements ValueType<List<String>> {

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

    record OptionalTypePatterns() implements ValueType<List<String>> {

        @Override
        public List<String> parse(String text) {
            return text.isBlank() ? List.of() : new TypePatterns().parse(text);
        }

        @Override
        public String expected() {
            return new TypePatterns().expected() + "; empty for none";
        }
    }

    record CidrList() implements ValueType<List<Cidr>> {

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

    record MethodList() implements ValueType<List<MethodRef>> {

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
}
