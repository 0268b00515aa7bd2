package dev.auditweave.agent.enrich;

import dev.auditweave.agent.EventEnricher;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The enrichers added in code ({@code Auditweave.addEnricher}), by name; the last one added under a name wins. */
public final class Enrichers {

    private static final Map<String, EventEnricher> ADDED = new ConcurrentHashMap<>();

    private Enrichers() {
    }

    public static void add(EventEnricher enricher) {
        ADDED.put(enricher.name(), enricher);
    }

    public static void remove(EventEnricher enricher) {
        ADDED.remove(enricher.name(), enricher);
    }

    /** The enricher added under {@code name}, or {@code null}. */
    public static EventEnricher added(String name) {
        return ADDED.get(name);
    }
}
