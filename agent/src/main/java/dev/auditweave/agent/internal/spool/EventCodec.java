package dev.auditweave.agent.internal.spool;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.auditweave.agent.internal.event.Event;
import dev.auditweave.agent.internal.sink.EventJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An event on disk is the same JSON object the sinks send ({@code {"id","type","occurred_at","data"}}), so a
 * spool segment or dead-letter line can be read with any JSON tool; decoding gives back the same id, type, time
 * and data (numbers as {@code Long}, {@code Double} or {@code BigDecimal}).
 */
final class EventCodec {

    private static final JsonFactory FACTORY = new JsonFactory();

    private EventCodec() {
    }

    static byte[] encode(Event event) {
        return EventJson.event(event).getBytes(StandardCharsets.UTF_8);
    }

    static Event decode(byte[] bytes, int offset, int length) throws IOException {
        try (JsonParser json = FACTORY.createParser(bytes, offset, length)) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("not a JSON object");
            }
            String id = null;
            String type = null;
            long occurredAt = 0;
            Map<String, Object> data = Map.of();
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String name = json.currentName();
                JsonToken token = json.nextToken();
                switch (name) {
                    case "id" -> id = json.getValueAsString();
                    case "type" -> type = json.getValueAsString();
                    case "occurred_at" -> occurredAt = json.getValueAsLong();
                    case "data" -> {
                        Object value = value(json, token);
                        if (value instanceof Map<?, ?> map) {
                            @SuppressWarnings("unchecked") // value() builds String-keyed maps only.
                            Map<String, Object> typed = (Map<String, Object>) map;
                            data = typed;
                        }
                    }
                    default -> json.skipChildren();
                }
            }
            if (id == null || type == null) {
                throw new IOException("an event without id or type");
            }
            return new Event(id, type, occurredAt, data);
        } catch (RuntimeException e) {
            throw new IOException("unreadable event: " + e, e);
        }
    }

    private static Object value(JsonParser json, JsonToken token) throws IOException {
        switch (token) {
            case START_OBJECT: {
                Map<String, Object> map = new LinkedHashMap<>();
                while (json.nextToken() == JsonToken.FIELD_NAME) {
                    String name = json.currentName();
                    map.put(name, value(json, json.nextToken()));
                }
                return Collections.unmodifiableMap(map);
            }
            case START_ARRAY: {
                List<Object> list = new ArrayList<>();
                JsonToken next;
                while ((next = json.nextToken()) != JsonToken.END_ARRAY) {
                    list.add(value(json, next));
                }
                return Collections.unmodifiableList(list);
            }
            case VALUE_STRING:
                return json.getText();
            case VALUE_NUMBER_INT:
                return json.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? json.getBigIntegerValue()
                        : (Object) json.getLongValue();
            case VALUE_NUMBER_FLOAT:
                return json.getDoubleValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                throw new IOException("unexpected " + token);
        }
    }
}
