package dev.auditweave.sample.abuse;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads what arrives into {@link NewEntry}s: the events of a {@code {"events":[...]}} envelope, or one flat auth
 * payload (type {@code auth.<event_type>}, no id). The identity is {@code data.kilo_user_id}, else the Stripe
 * {@code data.customer}, else {@value #UNATTRIBUTED}.
 */
final class IncomingEvents {

    static final String UNATTRIBUTED = "(unattributed)";

    private IncomingEvents() {
    }

    /**
     * The events of an envelope.
     *
     * @throws IllegalArgumentException naming what is wrong: no {@code events} array, an event without a type
     */
    static List<NewEntry> fromEnvelope(JsonNode body, long receivedAt) {
        JsonNode events = body == null ? null : body.get("events");
        if (events == null || !events.isArray()) {
            throw new IllegalArgumentException("expected {\"events\": [...]}");
        }
        List<NewEntry> entries = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            JsonNode event = events.get(i);
            String type = text(event.get("type"));
            if (type == null || type.isBlank()) {
                throw new IllegalArgumentException("events[" + i + "] has no type");
            }
            JsonNode occurredAt = event.get("occurred_at");
            JsonNode data = event.get("data");
            JsonNode object = data != null && data.isObject() ? data : com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
            entries.add(entry(text(event.get("id")), type, object,
                    occurredAt != null && occurredAt.canConvertToLong() ? occurredAt.asLong() : receivedAt,
                    receivedAt));
        }
        return entries;
    }

    /**
     * One flat auth payload.
     *
     * @throws IllegalArgumentException when it is not an object with a textual {@code event_type}
     */
    static NewEntry fromAuthPayload(JsonNode payload, long receivedAt) {
        String eventType = payload == null || !payload.isObject() ? null : text(payload.get("event_type"));
        if (eventType == null || eventType.isBlank()) {
            throw new IllegalArgumentException("expected one flat auth payload with an event_type");
        }
        return entry(null, "auth." + eventType, payload, receivedAt, receivedAt);
    }

    private static NewEntry entry(String id, String type, JsonNode data, long occurredAt, long receivedAt) {
        String subject = text(data.get("kilo_user_id"));
        if (subject == null) {
            subject = text(data.get("customer"));
        }
        return new NewEntry(id, type, subject == null ? UNATTRIBUTED : subject, text(data.get("organization_id")),
                text(data.get("ip_address")), occurredAt, receivedAt, data.toString());
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() || node.isContainerNode() ? null : node.asText();
    }
}
