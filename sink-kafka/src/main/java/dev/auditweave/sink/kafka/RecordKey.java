package dev.auditweave.sink.kafka;

import dev.auditweave.agent.spi.SinkEvent;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The Kafka record key of an event, read by a path over the event: {@code data.kilo_user_id} (a field),
 * {@code data.org.id} (a key of a map field), {@code id} or {@code type}; its text in UTF-8, so that every event of
 * one identity goes to one partition, in order. A path that meets a missing field or {@code null} gives no key (the
 * producer then spreads such records over the partitions). Immutable.
 *
 * <p>Why a path and not auditweave's expression language: the expressions are compiled against an annotated
 * method's parameters on the calling thread, while a key is read on the sink's worker from the finished event, whose
 * {@link SinkEvent#data()} holds only strings, numbers, booleans, lists and maps. A dotted path over those maps says
 * everything a partition key needs.
 *
 * <pre>{@code
 * RecordKey key = RecordKey.parse("data.kilo_user_id");
 * byte[] bytes = key.of(event);   // "u-1" in UTF-8, or null when the event has no kilo_user_id
 * }</pre>
 */
final class RecordKey {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$-]*");
    private static final RecordKey NONE = new RecordKey("", List.of());

    private final String path;
    private final List<String> names;

    private RecordKey(String path, List<String> names) {
        this.path = path;
        this.names = names;
    }

    /** No key: every record without one. */
    static RecordKey none() {
        return NONE;
    }

    /**
     * Reads {@code path}: {@code id}, {@code type}, or {@code data.<name>} followed by further {@code .<name>}s.
     *
     * @throws IllegalArgumentException naming the path and what is expected, for anything else
     */
    static RecordKey parse(String path) {
        Objects.requireNonNull(path, "path");
        String text = path.strip();
        if (text.equals("id") || text.equals("type")) {
            return new RecordKey(text, List.of(text));
        }
        List<String> names = Arrays.asList(text.split("\\.", -1));
        if (names.size() < 2 || !names.get(0).equals("data")) {
            throw new IllegalArgumentException("'" + path + "' is not a key path: expected id, type or"
                    + " data.<field>, such as data.kilo_user_id");
        }
        for (String name : names.subList(1, names.size())) {
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("'" + path + "' is not a key path: '" + name + "' is not a field"
                        + " name (letters, digits, _, $ or -, not starting with a digit or -)");
            }
        }
        return new RecordKey(text, List.copyOf(names));
    }

    /** The key of {@code event} in UTF-8, or {@code null} when there is none. */
    byte[] of(SinkEvent event) {
        if (names.isEmpty()) {
            return null;
        }
        Object value = switch (names.get(0)) {
            case "id" -> event.id();
            case "type" -> event.type();
            default -> walk(event.data());
        };
        return value == null ? null : value.toString().getBytes(StandardCharsets.UTF_8);
    }

    private Object walk(Map<String, Object> data) {
        Object value = data;
        for (String name : names.subList(1, names.size())) {
            if (!(value instanceof Map<?, ?> map)) {
                return null;
            }
            value = map.get(name);
        }
        return value;
    }

    @Override
    public String toString() {
        return names.isEmpty() ? "no key" : path;
    }
}
