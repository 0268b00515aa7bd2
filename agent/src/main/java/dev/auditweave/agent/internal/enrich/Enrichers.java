package dev.auditweave.agent.internal.enrich;

import dev.auditweave.agent.EventEnricher;
import dev.auditweave.agent.internal.log.Loggers;
import dev.auditweave.agent.internal.log.RateLimitedLogger;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds enrichers by {@link EventEnricher#name()}: first those added in code ({@code Auditweave.addEnricher}; the
 * last one added under a name wins), then those {@link ServiceLoader} finds through the class loader of the
 * annotated method's class ({@code META-INF/services/dev.auditweave.agent.EventEnricher}). {@code EventEnricher} is
 * shared on the bootstrap class path under the {@code -javaagent}, so the application's providers implement the
 * very interface the agent looks for.
 *
 * <p>Each class loader is searched once, on an enrichment thread, the first time one of its events needs an
 * enricher; a provider that cannot be loaded or named is left out and logged. A loader stays cached as long as it
 * lives (its providers hold it, as the compiled plans do).
 *
 * <pre>{@code
 * Enrichers.add(new OrgMemberships(dataSource));
 * EventEnricher found = Enrichers.find("orgMemberships", UserService.class.getClassLoader());
 * }</pre>
 */
public final class Enrichers {

    /** A broken services file can fail on every step: past this many failures the search of a loader stops. */
    private static final int MAX_PROVIDER_ERRORS = 32;

    private static final RateLimitedLogger WARN = new RateLimitedLogger(Loggers.get(Enrichers.class), 60);

    private static final Map<String, EventEnricher> ADDED = new ConcurrentHashMap<>();
    /** Per class loader ({@code null}: the system class loader), the providers ServiceLoader found, by name. */
    private static final Map<ClassLoader, Map<String, EventEnricher>> DISCOVERED =
            Collections.synchronizedMap(new WeakHashMap<>());

    private Enrichers() {
    }

    /**
     * Adds {@code enricher} under its name, replacing one added before under the same name.
     *
     * @throws IllegalArgumentException when its {@code name()} is null or blank
     */
    public static void add(EventEnricher enricher) {
        String name = enricher.name();
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("the enricher " + enricher.getClass().getName()
                    + " has no name (name() returned " + (name == null ? "null" : "'" + name + "'")
                    + "): annotations refer to an enricher by name in enrich");
        }
        ADDED.put(name, enricher);
    }

    /** Removes {@code enricher}, this very instance, if it was added. */
    public static void remove(EventEnricher enricher) {
        ADDED.values().removeIf(added -> added == enricher);
    }

    /** The enricher added under {@code name}, or {@code null}. */
    public static EventEnricher added(String name) {
        return ADDED.get(name);
    }

    /**
     * The enricher named {@code name}: added in code, else provided through {@code loader}; {@code null} when neither
     * has one.
     *
     * @param loader the class loader of the annotated method's class; {@code null} for the system class loader
     */
    public static EventEnricher find(String name, ClassLoader loader) {
        EventEnricher added = ADDED.get(name);
        return added != null ? added : discovered(loader).get(name);
    }

    /** Every name {@link #find} knows for {@code loader}, sorted: for the message about an unknown one. */
    public static SortedSet<String> known(ClassLoader loader) {
        SortedSet<String> names = new TreeSet<>(ADDED.keySet());
        names.addAll(discovered(loader).keySet());
        return names;
    }

    private static Map<String, EventEnricher> discovered(ClassLoader loader) {
        return DISCOVERED.computeIfAbsent(loader, Enrichers::load);
    }

    private static Map<String, EventEnricher> load(ClassLoader loader) {
        Map<String, EventEnricher> byName = new LinkedHashMap<>();
        Iterator<EventEnricher> providers = ServiceLoader.load(EventEnricher.class, loader).iterator();
        int errors = 0;
        while (errors < MAX_PROVIDER_ERRORS) {
            try {
                if (!providers.hasNext()) {
                    break;
                }
                EventEnricher enricher = providers.next();
                String name = enricher.name();
                if (name == null) {
                    throw new IllegalStateException(enricher.getClass().getName() + ".name() returned null");
                }
                byName.putIfAbsent(name, enricher);
            } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                errors++;
                WARN.warn("provider|" + e.getMessage(), "auditweave: an EventEnricher listed in"
                        + " META-INF/services/dev.auditweave.agent.EventEnricher could not be loaded, left out: {}",
                        e.toString());
            }
        }
        return Map.copyOf(byName);
    }
}
