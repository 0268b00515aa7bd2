package dev.auditweave.agent.internal.redact;

import dev.auditweave.agent.internal.log.Loggers;
import dev.auditweave.agent.internal.log.RateLimitedLogger;
import java.util.UUID;

/**
 * What the calling thread does to one field's value before the event is built, as {@code @Field(redact = ...)}
 * says ({@code DROP} never gets here: the plan leaves such a field out). The clear value is replaced before the
 * event exists, so that no queue, spool, sink or log ever holds it.
 *
 * <pre>{@code
 * Redaction.HASH.apply("ada@example.com", key, "email");   // "3f2a..." (64 hex digits)
 * Redaction.MASK.apply("ada@example.com", key, "email");   // "***@example.com"
 * }</pre>
 */
public enum Redaction {

    /** The value as it is. */
    NONE,

    /** HMAC-SHA256 of the value's text under the {@link HashKey}, as 64 hex digits. */
    HASH,

    /** Most of the value's text replaced by {@code *} ({@link Masks#mask}). */
    MASK;

    private static final RateLimitedLogger WARN = new RateLimitedLogger(Loggers.get(Redaction.class), 60);

    /**
     * The redaction named {@code name} as {@code Redact} writes it ({@code NONE}, {@code HASH}, {@code MASK}).
     *
     * @throws IllegalArgumentException for any other name, {@code DROP} included
     */
    public static Redaction of(String name) {
        return valueOf(name);
    }

    /**
     * {@code value} redacted: {@code null} stays {@code null}; text, numbers, characters, UUIDs and enum constants
     * become the hash or the mask of their text; any other value (only possible for a value the checker could not
     * type) becomes {@code null}, with a warning at most once a minute per field that never shows it.
     *
     * @param key   the hash key; needed by {@link #HASH} only
     * @param field the field's name, for the warning
     * @throws IllegalStateException for {@link #HASH} without a key: the event must not be sent rather than be sent
     *                               in clear
     */
    public Object apply(Object value, HashKey key, String field) {
        if (this == NONE || value == null) {
            return value;
        }
        String text = text(value);
        if (text == null) {
            WARN.warn("type|" + field, "auditweave: field '{}' is to be {} but its value is a {}, which is neither text"
                    + " nor a number; it is sent as null", field, this == HASH ? "hashed" : "masked",
                    value.getClass().getName());
            return null;
        }
        if (this == MASK) {
            return Masks.mask(text);
        }
        if (key == null) {
            throw new IllegalStateException("field '" + field + "' is to be hashed (redact = HASH) but no key is set:"
                    + " set the environment variable that auditweave.redact.key-env names");
        }
        return key.hash(text);
    }

    private static String text(Object value) {
        if (value instanceof CharSequence || value instanceof Number || value instanceof Character
                || value instanceof UUID) {
            return value.toString();
        }
        if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        return null;
    }
}
