package dev.auditweave.sample.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** What both stand-in receivers share: reading the {@code {"events":[...]}} envelope and answering in JSON. */
final class Envelopes {

    private Envelopes() {
    }

    /** The {@code events} array of the body, or {@code null} when the body is not an envelope. */
    static JsonNode events(JsonNode body) {
        JsonNode batch = body == null ? null : body.get("events");
        return batch != null && batch.isArray() ? batch : null;
    }

    /** One event of the envelope; missing members become {@code null} (data: an empty object). */
    static ReceivedEvent toEvent(JsonNode node) {
        JsonNode occurredAt = node.get("occurred_at");
        JsonNode data = node.get("data");
        return new ReceivedEvent(text(node.get("id")), text(node.get("type")),
                occurredAt != null && occurredAt.canConvertToLong() ? occurredAt.asLong() : null,
                data != null && data.isObject() ? data : JsonNodeFactory.instance.objectNode());
    }

    static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }
}
