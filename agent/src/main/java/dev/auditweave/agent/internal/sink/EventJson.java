package dev.auditweave.agent.internal.sink;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.auditweave.agent.spi.SinkEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * Writes events as JSON with Jackson's streaming generator (no data binding, no reflection): the values
 * were already reduced to maps, lists, strings, numbers and booleans on the calling thread.
 *
 * <pre>{@code
 * byte[] body = EventJson.envelope(batch); // {"events":[{"id":"..","type":"user.blocked","occurred_at":1716000000000,"data":{..}}]}
 * }</pre>
 */
public final class EventJson {

    private static final JsonFactory FACTORY = new JsonFactory();

    private EventJson() {
    }

    /** The batch envelope {@code {"events":[...]}} as UTF-8. */
    public static byte[] envelope(List<? extends SinkEvent> batch) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + batch.size() * 192);
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            json.writeStartObject();
            json.writeArrayFieldStart("events");
            for (SinkEvent event : batch) {
                write(json, event);
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** One event as a JSON object. */
    public static String event(SinkEvent event) {
        StringWriter out = new StringWriter(192);
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            write(json, event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * One event as {@code format} puts it into a body: the event object (envelope), its {@code data} object
     * (flat), or a CloudEvent (both cloudevents formats). Its length is the size {@code auditweave.event.max-bytes}
     * limits; {@link #body} joins items without writing them again.
     */
    public static byte[] item(SinkEvent event, Format format, String source) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(192);
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            switch (format) {
                case ENVELOPE -> write(json, event);
                case FLAT -> value(json, event.data());
                case CLOUDEVENTS, CLOUDEVENTS_BATCH -> cloudEvent(json, event, source);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * The request body of {@code items} (from {@link #item}): {@code {"events":[..]}} for envelope, {@code [..]}
     * for cloudevents-batch; the one item itself for the formats that send one event per request.
     */
    public static byte[] body(List<byte[]> items, Format format) {
        if (!format.batched()) {
            if (items.size() != 1) {
                throw new IllegalArgumentException(format + " sends one event per request, not " + items.size());
            }
            return items.get(0);
        }
        byte[] open = format == Format.ENVELOPE ? ENVELOPE_OPEN : ARRAY_OPEN;
        byte[] close = format == Format.ENVELOPE ? ENVELOPE_CLOSE : ARRAY_CLOSE;
        int size = open.length + close.length + Math.max(0, items.size() - 1);
        for (byte[] item : items) {
            size += item.length;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(size);
        out.writeBytes(open);
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.writeBytes(items.get(i));
        }
        out.writeBytes(close);
        return out.toByteArray();
    }

    private static final byte[] ENVELOPE_OPEN = "{\"events\":[".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    private static final byte[] ENVELOPE_CLOSE = "]}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    private static final byte[] ARRAY_OPEN = "[".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    private static final byte[] ARRAY_CLOSE = "]".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    /**
     * CloudEvents 1.0, structured mode: {@code occurred_at} becomes {@code time} (RFC 3339, UTC), the event's
     * {@code data} its {@code data}.
     */
    private static void cloudEvent(JsonGenerator json, SinkEvent event, String source) throws IOException {
        json.writeStartObject();
        json.writeStringField("specversion", "1.0");
        json.writeStringField("id", event.id());
        json.writeStringField("source", source);
        json.writeStringField("type", event.type());
        json.writeStringField("time", java.time.Instant.ofEpochMilli(event.occurredAt()).toString());
        json.writeStringField("datacontenttype", "application/json");
        json.writeFieldName("data");
        value(json, event.data());
        json.writeEndObject();
    }

    private static void write(JsonGenerator json, SinkEvent event) throws IOException {
        json.writeStartObject();
        json.writeStringField("id", event.id());
        json.writeStringField("type", event.type());
        json.writeNumberField("occurred_at", event.occurredAt());
        json.writeFieldName("data");
        value(json, event.data());
        json.writeEndObject();
    }

    private static void value(JsonGenerator json, Object value) throws IOException {
        if (value == null) {
            json.writeNull();
        } else if (value instanceof String text) {
            json.writeString(text);
        } else if (value instanceof Boolean bool) {
            json.writeBoolean(bool);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            json.writeNumber(((Number) value).longValue());
        } else if (value instanceof Double || value instanceof Float) {
            number(json, ((Number) value).doubleValue());
        } else if (value instanceof BigDecimal decimal) {
            json.writeNumber(decimal);
        } else if (value instanceof BigInteger integer) {
            json.writeNumber(integer);
        } else if (value instanceof Map<?, ?> map) {
            json.writeStartObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                json.writeFieldName(String.valueOf(entry.getKey()));
                value(json, entry.getValue());
            }
            json.writeEndObject();
        } else if (value instanceof List<?> list) {
            json.writeStartArray();
            for (Object element : list) {
                value(json, element);
            }
            json.writeEndArray();
        } else {
            json.writeString(value.toString());
        }
    }

    /** JSON has no NaN or infinity; writing them would make the whole batch unparseable for the receiver. */
    private static void number(JsonGenerator json, double value) throws IOException {
        if (Double.isFinite(value)) {
            json.writeNumber(value);
        } else {
            json.writeNull();
        }
    }
}
