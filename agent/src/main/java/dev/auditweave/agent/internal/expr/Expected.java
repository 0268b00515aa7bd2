package dev.auditweave.agent.internal.expr;

/**
 * What the caller needs an expression's value to be; checked against the expression's static type at compile
 * time, so that {@code when = "userId"} fails when the plan is built rather than silently never firing.
 *
 * <pre>{@code
 * ExpressionCompiler.compile("RETURNED_ROWS > 0", scope, Expected.BOOLEAN);     // a guard
 * ExpressionCompiler.compile("event.created * 1000", scope, Expected.EPOCH_MILLIS); // an occurredAt
 * }</pre>
 */
public enum Expected {

    /** Any value, for example a {@code data} field or an idempotency key. */
    ANY,

    /** A boolean, for a guard ({@code when}). */
    BOOLEAN,

    /**
     * A point in time: a number of epoch milliseconds, an {@link java.time.Instant}, a {@link java.util.Date},
     * an {@link java.time.OffsetDateTime} or a {@link java.time.ZonedDateTime} (for {@code occurredAt}).
     */
    EPOCH_MILLIS,

    /**
     * A value to hash or mask ({@code @Field(redact = HASH)} or {@code MASK}): text, a number, a character, a UUID,
     * an enum constant, or a value known only at run time.
     */
    REDACTED
}
