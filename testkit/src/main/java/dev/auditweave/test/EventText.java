package dev.auditweave.test;

import dev.auditweave.agent.EmittedEvent;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** How failure messages show events: one numbered line each, type then data, strings quoted. */
final class EventText {

    private EventText() {
    }

    /** {@code user.blocked {kilo_user_id="u-1", reason=null}}. */
    static String of(EmittedEvent event) {
        return event.type() + " " + value(event.data());
    }

    /** Every event on its own line, numbered from 1 in the order recorded, indented. */
    static String list(List<EmittedEvent> events) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < events.size(); i++) {
            text.append("\n  ").append(i + 1).append(". ").append(of(events.get(i)));
        }
        return text.toString();
    }

    /** What the test emitted, as the end of a sentence: "no event at all" or "3 events:" and the list. */
    static String emitted(List<EmittedEvent> events) {
        if (events.isEmpty()) {
            return "no event at all";
        }
        return events.size() + (events.size() == 1 ? " event:" : " events:") + list(events);
    }

    /** A data value as it reads in a message: strings quoted, maps and lists spelled out, the rest as text. */
    static String value(Object value) {
        if (value instanceof String text) {
            return '"' + text + '"';
        }
        if (value instanceof Map<?, ?> map) {
            StringBuilder text = new StringBuilder("{");
            Iterator<? extends Map.Entry<?, ?>> entries = map.entrySet().iterator();
            while (entries.hasNext()) {
                Map.Entry<?, ?> entry = entries.next();
                text.append(entry.getKey()).append('=').append(value(entry.getValue()));
                if (entries.hasNext()) {
                    text.append(", ");
                }
            }
            return text.append('}').toString();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(EventText::value).collect(Collectors.joining(", ", "[", "]"));
        }
        return String.valueOf(value);
    }

    /** Types as a quoted list: {@code ["user.blocked", "user.unblocked"]}. */
    static String types(List<String> types) {
        return types.stream().map(EventText::value).collect(Collectors.joining(", ", "[", "]"));
    }
}
