package dev.auditweave.agent.internal.config;

import java.util.Locale;
import java.util.Objects;

/**
 * One entry of the key table: a key users type, its type, default and meaning.
 *
 * <pre>{@code
 * ConfigKey<Integer> key = ConfigKeys.BATCH_MAX_EVENTS;
 * key.name();                 // auditweave.batch.max-events
 * key.environmentVariable();  // AUDITWEAVE_BATCH_MAX_EVENTS
 * key.defaultText();          // 500
 * key.expected();             // a whole number from 1 to 100000
 * settings.get(key);          // 500
 * }</pre>
 *
 * @param <T> the typed value, as returned by {@link Settings#get(ConfigKey)}
 */
public final class ConfigKey<T> {

    private final String name;
    private final String defaultText;
    private final ValueType<T> type;
    private final String description;
    private final T defaultValue;

    ConfigKey(String name, String defaultText, ValueType<T> type, String description) {
        this.name = Objects.requireNonNull(name, "name");
        this.defaultText = Objects.requireNonNull(defaultText, "defaultText");
        this.type = Objects.requireNonNull(type, "type");
        this.description = Objects.requireNonNull(description, "description");
        // A bad default is a programming error in the table: fail when the table loads, not at a user's start-up.
        this.defaultValue = type.parse(defaultText);
    }

    /** The full key, such as {@code auditweave.http.url}. */
    public String name() {
        return name;
    }

    /** The key in the environment: upper case, {@code .} and {@code -} turned into {@code _}. */
    public String environmentVariable() {
        return environmentName(name);
    }

    /** The default as a user would type it; empty when the key is unset by default. */
    public String defaultText() {
        return defaultText;
    }

    /** The default as a typed value. */
    public T defaultValue() {
        return defaultValue;
    }

    /** What a valid value looks like, for messages and the configuration table of docs/configuration.md. */
    public String expected() {
        return type.expected();
    }

    /** What the key does, for the configuration table of docs/configuration.md. */
    public String description() {
        return description;
    }

    ValueType<T> type() {
        return type;
    }

    @Override
    public String toString() {
        return name;
    }

    static String environmentName(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }
}
