package dev.auditweave.agent.internal.config;

/**
 * The value type of a family, whose values are text: checks the text with {@code typed} and keeps it;
 * {@link #typed()} turns it into the typed value later.
 *
 * @param <T> the typed value
 */
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
