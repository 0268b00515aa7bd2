package dev.auditweave.agent.internal.config;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** One word of a known set: true or false, one of a list, a sink type. */
final class ChoiceTypes {

    /** What a sink type may be: a letter, then letters, digits, {@code .}, {@code _} and {@code -}. */
    private static final Pattern SINK_TYPE = Pattern.compile("[A-Za-z][A-Za-z0-9._-]*");

    private ChoiceTypes() {
    }

    record Bool() implements ValueType<Boolean> {

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

    record OneOf(List<String> names) implements ValueType<String> {

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

    record SinkType(List<String> builtIn) implements ValueType<String> {

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
}
