package dev.auditweave.agent.internal.event;

import dev.auditweave.agent.spi.SinkEvent;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One business event, immutable once built on the calling thread.
 *
 * <p>Serialised by the sinks as {@code {"id": ..., "type": ..., "occurred_at": ..., "data": {...}}}.
 *
 * <p>A random id is drawn on the calling thread as two longs (a version-4 UUID) and written out as text only
 * when {@link #id()} is first read, normally on the delivery worker: the calling thread does not pay for the
 * 36-character string. Values behave like a record's: {@code equals}, {@code hashCode} and {@code toString} use
 * the four components.
 *
 * <p>An event whose annotation names enrichers carries an {@link EnrichRequest} from capture to the enrichment
 * stage, which sends on a copy with the added fields ({@link #withData}); every other event carries {@code null}.
 */
public final class Event implements SinkEvent {

    private final String type;
    private final long occurredAt;
    private final Map<String, Object> data;
    private final long idHigh;
    private final long idLow;
    /** The enrichers still to run on this event, or {@code null} (the case of almost every event). */
    private final EnrichRequest enrichRequest;
    /** The id as text; for a random id written on first read (a benign race: every writer writes the same). */
    private String id;

    /**
     * @param id         unique, or derived from the type and an idempotency key (see {@link EventIds})
     * @param type       for example {@code "user.blocked"}
     * @param occurredAt epoch milliseconds of the business fact
     * @param data       the declared fields only, as an unmodifiable map of immutable values (see {@link EventValues})
     */
    public Event(String id, String type, long occurredAt, Map<String, Object> data) {
        this(id, type, occurredAt, data, null);
    }

    /**
     * As {@link #Event(String, String, long, Map)}, for an event whose annotation names enrichers.
     *
     * @param enrichRequest the enrichers to run on it, or {@code null} for none
     */
    public Event(String id, String type, long occurredAt, Map<String, Object> data, EnrichRequest enrichRequest) {
        this(Objects.requireNonNull(id, "id"), 0L, 0L, type, occurredAt, data, enrichRequest);
    }

    private Event(String id, long idHigh, long idLow, String type, long occurredAt, Map<String, Object> data,
                  EnrichRequest enrichRequest) {
        this.id = id;
        this.type = Objects.requireNonNull(type, "type");
        this.occurredAt = occurredAt;
        this.data = Objects.requireNonNull(data, "data");
        this.idHigh = idHigh;
        this.idLow = idLow;
        this.enrichRequest = enrichRequest;
    }

    /** An event with a fresh random id, as {@link EventIds#random()} would give, rendered lazily. */
    public static Event withRandomId(String type, long occurredAt, Map<String, Object> data) {
        return withRandomId(type, occurredAt, data, null);
    }

    /** As {@link #withRandomId(String, long, Map)}, carrying {@code enrichRequest} ({@code null} for none). */
    public static Event withRandomId(String type, long occurredAt, Map<String, Object> data,
                                     EnrichRequest enrichRequest) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new Event(null, EventIds.version4High(random.nextLong()), EventIds.version4Low(random.nextLong()),
                type, occurredAt, data, enrichRequest);
    }

    /**
     * The same event (id, type, time) with {@code data} in place of its fields, and no enrichers left to run: what the
     * enrichment stage sends on.
     *
     * <pre>{@code
     * Event enriched = event.withData(Map.of("kilo_user_id", "u-1", "org_memberships", List.of()));
     * }</pre>
     */
    public Event withData(Map<String, Object> data) {
        return new Event(id, idHigh, idLow, type, occurredAt, data, null);
    }

    /** Unique, or derived from the type and an idempotency key (see {@link EventIds}). */
    @Override
    public String id() {
        String text = id;
        if (text == null) {
            text = new UUID(idHigh, idLow).toString();
            id = text;
        }
        return text;
    }

    /** For example {@code "user.blocked"}. */
    @Override
    public String type() {
        return type;
    }

    /** Epoch milliseconds of the business fact. */
    @Override
    public long occurredAt() {
        return occurredAt;
    }

    /** The declared fields only, as an unmodifiable map of immutable values (see {@link EventValues}). */
    @Override
    public Map<String, Object> data() {
        return data;
    }

    /** The enrichers still to run on this event, or {@code null} for none. Not part of its value. */
    public EnrichRequest enrichRequest() {
        return enrichRequest;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Event event && occurredAt == event.occurredAt && id().equals(event.id())
                && type.equals(event.type) && data.equals(event.data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id(), type, occurredAt, data);
    }

    @Override
    public String toString() {
        return "Event[id=" + id() + ", type=" + type + ", occurredAt=" + occurredAt + ", data=" + data + "]";
    }
}
