package dev.auditweave.agent.event;

import java.util.Map;
import java.util.Objects;

/**
 * One business event, immutable once built on the calling thread.
 *
 * <p>Serialised by the sinks as {@code {"id": ..., "type": ..., "occurred_at": ..., "data": {...}}}.
 *
 * @param id         unique, or derived from the type and an idempotency key (see {@link EventIds})
 * @param type       for example {@code "user.blocked"}
 * @param occurredAt epoch milliseconds of the business fact
 * @param data       the declared fields only, as an unmodifiable map of immutable values (see {@link EventValues})
 */
public record Event(String id, String type, long occurredAt, Map<String, Object> data) {

    public Event {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(data, "data");
    }
}
