package dev.auditweave.agent.spi;

import java.util.Map;

/**
 * One event as a {@link Sink} receives it: immutable, and safe to keep after {@link Sink#send} returned.
 *
 * <pre>{@code
 * for (SinkEvent event : batch) {
 *     String userId = (String) event.data().get("kilo_user_id");
 *     writer.write(event.id() + " " + event.type() + " " + event.occurredAt() + " " + userId);
 * }
 * }</pre>
 *
 * <p>The {@link #id()} is the key to de-duplicate on: delivery is at least once, so a receiver may see the same event
 * twice (a batch retried after a timeout whose first attempt did arrive, a spool replayed after a crash), always
 * with the same id. An annotation with an idempotency key derives the id from it, so that a redelivered webhook is
 * the same event too.
 */
public interface SinkEvent {

    /** Unique per event, or derived from the type and an idempotency key; the same on every delivery attempt. */
    String id();

    /** For example {@code "user.blocked"}. */
    String type();

    /** Epoch milliseconds of the business fact. */
    long occurredAt();

    /**
     * The event's fields, declared and enriched, in declaration order: an unmodifiable map of immutable values
     * (strings, numbers, booleans, {@code null}, unmodifiable lists and maps of those).
     */
    Map<String, Object> data();
}
