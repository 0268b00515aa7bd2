package dev.auditweave.agent.internal.sink.jdbc;

import dev.auditweave.agent.internal.sink.EventJson;
import dev.auditweave.agent.internal.sink.Format;
import dev.auditweave.agent.spi.SinkEvent;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns events into the values of audit rows: {@code id}, {@code type}, {@code actor} (the first non-null value of
 * the actor fields, as text), {@code data} (the data object as JSON) and {@code occurred_at} (UTC).
 *
 * <pre>{@code
 * EventRows rows = new EventRows(List.of("actor", "actor_email"));
 * EventRows.Row row = rows.of(batch).get(0);   // Row[id=.., type=user.blocked, actor=ada@example.com, data={..}, ..]
 * row.bind(insert);
 * }</pre>
 */
final class EventRows {

    private final List<String> actorFields;

    EventRows(List<String> actorFields) {
        this.actorFields = List.copyOf(actorFields);
    }

    /** One row per event, in order. */
    List<Row> of(List<? extends SinkEvent> batch) {
        List<Row> rows = new ArrayList<>(batch.size());
        for (SinkEvent event : batch) {
            rows.add(new Row(event.id(), event.type(), actor(event.data()),
                    new String(EventJson.item(event, Format.FLAT, "auditweave"), StandardCharsets.UTF_8),
                    OffsetDateTime.ofInstant(Instant.ofEpochMilli(event.occurredAt()), ZoneOffset.UTC)));
        }
        return rows;
    }

    private String actor(Map<String, Object> data) {
        for (String field : actorFields) {
            Object value = data.get(field);
            if (value instanceof String || value instanceof Number || value instanceof Boolean) {
                return value.toString();
            }
        }
        return null;
    }

    /**
     * The values of one audit row.
     *
     * @param id         the event's id, the row's unique key
     * @param type       the event type
     * @param actor      who acted, or {@code null}
     * @param data       the data object as JSON text
     * @param occurredAt when it happened, in UTC
     */
    record Row(String id, String type, String actor, String data, OffsetDateTime occurredAt) {

        /** Sets the five parameters of a {@link Dialect#insert} statement. */
        void bind(PreparedStatement insert) throws SQLException {
            insert.setString(1, id);
            insert.setString(2, type);
            insert.setString(3, actor);
            insert.setString(4, data);
            insert.setObject(5, occurredAt);
        }
    }
}
