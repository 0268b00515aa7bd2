package dev.auditweave.agent;

import dev.auditweave.agent.spi.SinkEvent;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An event as it left for delivery, handed to every {@link EventTap}: after its transaction committed (when it
 * waited for one) and after its enrichers ran (when it names any), with the same id, type, time and data its sinks
 * receive (it is a {@link SinkEvent}, so a test can hand one to a sink). Immutable: the data is an unmodifiable copy (insertion order kept, {@code null} values allowed) of values
 * that are themselves immutable (strings, numbers, booleans, unmodifiable lists and maps).
 *
 * <pre>{@code
 * EmittedEvent event = new EmittedEvent("5c0e...", "user.blocked", 1716000000000L,
 *         Map.of("kilo_user_id", "u-1", "reason", "spam"));
 * String userId = (String) event.data().get("kilo_user_id");
 * }</pre>
 *
 * @param id         the event's id, as sinks send it
 * @param type       for example {@code "user.blocked"}
 * @param occurredAt epoch milliseconds of the business fact
 * @param data       the event's fields, declared and enriched
 */
public record EmittedEvent(String id, String type, long occurredAt, Map<String, Object> data) implements SinkEvent {

    /** @throws NullPointerException when {@code id}, {@code type} or {@code data} is {@code null}, naming it */
    public EmittedEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        data = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(data, "data")));
    }
}
