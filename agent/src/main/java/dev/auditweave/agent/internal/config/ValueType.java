package dev.auditweave.agent.internal.config;

/**
 * How the text of one key becomes a typed value.
 *
 * @param <T> the typed value
 */
interface ValueType<T> {

    /**
     * The typed value of {@code text}.
     *
     * @throws IllegalArgumentException when the text is not acceptable; its message completes
     *                                  {@code key = 'value' (origin): }, usually as {@code expected ...}
     */
    T parse(String text);

    /** What a valid value looks like, such as {@code a whole number from 1 to 100000}. */
    String expected();

    /** The value as it may be shown in messages and {@link Settings#describe()}; secrets are masked here. */
    default String shown(String text) {
        return text;
    }
}
