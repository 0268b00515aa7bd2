package dev.auditweave.annotations;

/**
 * How a {@link Field}'s value is hidden before it leaves the calling thread: the clear value never reaches the
 * queue, the spool, a sink or a log.
 *
 * <pre>{@code
 * @EmitsAbuseEvent(type = "user.email_changed", data = {
 *     @Field(name = "kilo_user_id", value = "userId"),
 *     @Field(name = "email", value = "email", redact = Redact.HASH),           // "9f86d081884c7d65..." (64 hex digits)
 *     @Field(name = "email_hint", value = "email", redact = Redact.MASK),      // "***@example.com"
 *     @Field(name = "previous_email", value = "previous", redact = Redact.DROP)})  // not in data at all
 * public void changeEmail(String userId, String previous, String email) { ... }
 * }</pre>
 *
 * <p>{@code HASH} and {@code MASK} apply to text and numbers (and enum constants, by name, and values only known at
 * run time as {@code Object}): a field of another type is an error at build time (auditweave-processor) and at
 * start-up, and a value only known at run time that turns out to be neither is sent as {@code null}. A
 * {@code null} value stays {@code null}.
 */
public enum Redact {

    /** The default: the value is sent as it is. */
    NONE,

    /**
     * HMAC-SHA256 of the value's text (UTF-8), keyed by the secret in the environment variable that
     * {@code auditweave.redact.key-env} names ({@code AUDITWEAVE_REDACT_KEY} by default), written as 64 lower-case
     * hexadecimal digits: the same value under the same key gives the same text in every event, so joins and counts
     * still work, while the value itself cannot be read back or guessed without the key. Without the key, an
     * annotation with a {@code HASH} field is disabled at start-up, never sent in clear.
     */
    HASH,

    /**
     * The value's text with most of it replaced by {@code *}: an e-mail address ({@code local@domain}) keeps only its
     * domain ({@code ***@example.com}); any other text of 8 characters or more keeps its last 4
     * ({@code ****4242}); shorter text becomes {@code ****}.
     */
    MASK,

    /** The field is left out of {@code data}; its expression is still checked. */
    DROP
}
