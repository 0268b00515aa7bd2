package dev.auditweave.agent.internal.enrich;

import dev.auditweave.agent.internal.event.EventValues;
import dev.auditweave.agent.internal.log.Loggers;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;

/**
 * Adds the fields one enricher returned to an event's fields: each value copied as a declared field's is
 * ({@link EventValues#snapshot}), after the fields already there, in the enricher's order. A key the event already has
 * (a declared field, or one an earlier enricher added) is ignored: what was there first wins. That is logged once
 * per event type, enricher and key, since it is a fixed trait of the code, not of a call.
 *
 * <pre>{@code
 * Map<String, Object> data = FieldMerge.merge(event.data(), "orgMemberships", event.type(),
 *         Map.of("org_memberships", memberships));
 * }</pre>
 */
final class FieldMerge {

    private static final Logger LOG = Loggers.get(FieldMerge.class);
    /** The clashes logged already; bounded by the code's annotations and enrichers, never by calls. */
    private static final Set<String> LOGGED = ConcurrentHashMap.newKeySet();

    private FieldMerge() {
    }

    /**
     * The fields of {@code current} followed by the new ones of {@code added}, unmodifiable; {@code current} itself
     * when nothing new was added.
     *
     * @throws RuntimeException when copying a value throws (its {@code toString()}, say): the enricher failed
     */
    static Map<String, Object> merge(Map<String, Object> current, String enricher, String type, Map<String, ?> added) {
        if (added == null || added.isEmpty()) {
            return current;
        }
        Map<String, Object> merged = new LinkedHashMap<>(current);
        for (Map.Entry<String, ?> field : added.entrySet()) {
            String name = String.valueOf(field.getKey());
            if (merged.containsKey(name)) {
                clash(enricher, type, name, current.containsKey(name));
            } else {
                merged.put(name, EventValues.snapshot(field.getValue()));
            }
        }
        return merged.size() == current.size() ? current : Collections.unmodifiableMap(merged);
    }

    private static void clash(String enricher, String type, String name, boolean before) {
        if (LOGGED.add(type + '|' + enricher + '|' + name)) {
            LOG.warn("auditweave: enricher '{}' returned the field '{}' for event {}, which the event {}; kept the"
                    + " first value, ignored the enricher's (logged once)", enricher, name, type,
                    before ? "already has" : "got from this enricher twice");
        }
    }
}
