package dev.auditweave.agent.internal.config;

import java.util.Optional;

/** Text as it is, or checked for what it must not hold: free text, header values, a method. */
final class TextTypes {

    private TextTypes() {
    }

    record Text(String expected) implements ValueType<String> {

        @Override
        public String parse(String text) {
            if (text.isEmpty()) {
                throw new IllegalArgumentException("expected " + expected);
            }
            return text;
        }
    }

    record AnyText(String expected) implements ValueType<String> {

        @Override
        public String parse(String text) {
            return text;
        }
    }

    record OptionalText(String expected) implements ValueType<Optional<String>> {

        @Override
        public Optional<String> parse(String text) {
            return text.isEmpty() ? Optional.empty() : Optional.of(text);
        }
    }

    record SecretHeaderValue() implements ValueType<String> {

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

    record SinkSetting() implements ValueType<String> {

        @Override
        public String parse(String text) {
            return text;
        }

        @Override
        public String expected() {
            return "what the sink's provider reads";
        }
    }

    record OneMethod() implements ValueType<MethodRef> {

        @Override
        public MethodRef parse(String text) {
            return MethodRef.parse(text);
        }

        @Override
        public String expected() {
            return MethodRef.EXPECTED;
        }
    }
}
