package dev.auditweave.agent.internal.dispatch;

import dev.auditweave.agent.internal.event.Event;
import java.util.Collection;
import java.util.Map;

/**
 * A quick, deterministic estimate of the heap an event holds while it waits in a queue: the event, its id, its field
 * map and the values in it (text as one byte a character plus the object, numbers and flags as boxes, nested maps and
 * lists walked). Shared key strings are counted each time, so the estimate errs high. Deterministic, so the worker
 * can give back exactly what the caller took from the byte budget.
 */
final class EventSize {

    /** The event object, its 36-character id (rendered on the worker), the field map's own object. */
    static final int EVENT_BYTES = 160;
    private static final int ENTRY_BYTES = 32;
    private static final int OBJECT_BYTES = 16;
    private static final int STRING_BYTES = 40;
    /** Values nested deeper than this (beyond any snapshot limit) are counted as one object. */
    private static final int MAX_DEPTH = 16;

    private EventSize() {
    }

    static long of(Event event) {
        return EVENT_BYTES + map(event.data(), 0);
    }

    private static long value(Object value, int depth) {
        if (value instanceof String text) {
            return STRING_BYTES + text.length();
        }
        if (value instanceof Map<?, ?> map && depth < MAX_DEPTH) {
            return OBJECT_BYTES + map(map, depth + 1);
        }
        if (value instanceof Collection<?> list && depth < MAX_DEPTH) {
            long bytes = OBJECT_BYTES + 8L * list.size();
            for (Object element : list) {
                bytes += value(element, depth + 1);
            }
            return bytes;
        }
        return value == null ? 0 : OBJECT_BYTES;
    }

    private static long map(Map<?, ?> map, int depth) {
        long bytes = 0;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            bytes += ENTRY_BYTES + value(entry.getKey(), depth) + value(entry.getValue(), depth);
        }
        return bytes;
    }
}
