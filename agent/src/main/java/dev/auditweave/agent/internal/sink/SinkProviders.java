package dev.auditweave.agent.internal.sink;

import dev.auditweave.agent.internal.log.Loggers;
import dev.auditweave.agent.internal.log.RateLimitedLogger;
import dev.auditweave.agent.spi.SinkProvider;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.regex.Pattern;

/**
 * Finds the {@link SinkProvider} of each sink type, in this order, the first of a type winning: those added in code
 * ({@code Auditweave.addSinkProvider}, the Spring Boot starter's beans), then by {@link ServiceLoader} through
 * auditweave's own class loader (the built-in http, jdbc, log and memory), the thread context class loader of the thread
 * that starts the runtime, the system class loader, and the application class loaders the agent met
 * ({@link #addLoader}: a fat jar's, whose classes the system class loader cannot see).
 *
 * <pre>{@code
 * Map<String, SinkProvider> byType = SinkProviders.byType();   // {http=..., log=..., memory=..., file=...}
 * }</pre>
 */
public final class SinkProviders {

    /** A broken services file can fail on every step: past this many failures the search of a loader stops. */
    private static final int MAX_PROVIDER_ERRORS = 32;
    private static final Pattern TYPE = Pattern.compile("[A-Za-z][A-Za-z0-9._-]*");
    private static final RateLimitedLogger WARN = new RateLimitedLogger(Loggers.get(SinkProviders.class), 60);

    private static final Map<String, SinkProvider> ADDED = Collections.synchronizedMap(new LinkedHashMap<>());
    /** Application class loaders, held weakly so that a redeployed application's can go. */
    private static final Set<ClassLoader> LOADERS = Collections.newSetFromMap(
            Collections.synchronizedMap(new WeakHashMap<>()));

    private SinkProviders() {
    }

    /**
     * Adds {@code provider} for its type, before every provider ServiceLoader finds; replaces one added before for
     * the same type.
     *
     * @throws IllegalArgumentException when its {@code type()} is not a valid type name, naming its class
     */
    public static void add(SinkProvider provider) {
        ADDED.put(checkedType(provider), provider);
    }

    /** Removes {@code provider}, this very instance, if it was added. */
    public static void remove(SinkProvider provider) {
        synchronized (ADDED) {
            ADDED.values().removeIf(added -> added == provider);
        }
    }

    /** Searches {@code loader} too, from the next start on: the agent calls it with an application's class loader. */
    public static void addLoader(ClassLoader loader) {
        if (loader != null) {
            LOADERS.add(loader);
        }
    }

    /** Every provider, by type (lower case), in the order of the search; loaded anew on each call. */
    public static Map<String, SinkProvider> byType() {
        Map<String, SinkProvider> byType = new LinkedHashMap<>();
        synchronized (ADDED) {
            ADDED.forEach((type, provider) -> byType.put(type.toLowerCase(java.util.Locale.ROOT), provider));
        }
        for (ClassLoader loader : classLoaders()) {
            load(loader, byType);
        }
        return byType;
    }

    /**
     * The class loaders searched for providers, each once, in the order of the search: for a sink that loads the
     * application's classes itself, such as the jdbc sink its JDBC driver (under the agent, auditweave's own class
     * loader cannot see the application's class path).
     */
    public static List<ClassLoader> classLoaders() {
        List<ClassLoader> distinct = new ArrayList<>();
        for (ClassLoader loader : loaders()) {
            if (distinct.stream().noneMatch(seen -> seen == loader)) {
                distinct.add(loader);
            }
        }
        return List.copyOf(distinct);
    }

    private static List<ClassLoader> loaders() {
        List<ClassLoader> loaders = new ArrayList<>();
        loaders.add(SinkProviders.class.getClassLoader());
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        if (context != null) {
            loaders.add(context);
        }
        loaders.add(ClassLoader.getSystemClassLoader());
        synchronized (LOADERS) {
            loaders.addAll(LOADERS);
        }
        return loaders;
    }

    private static void load(ClassLoader loader, Map<String, SinkProvider> byType) {
        Iterator<SinkProvider> providers = ServiceLoader.load(SinkProvider.class, loader).iterator();
        int errors = 0;
        while (errors < MAX_PROVIDER_ERRORS) {
            try {
                if (!providers.hasNext()) {
                    return;
                }
                SinkProvider provider = providers.next();
                String type = checkedType(provider).toLowerCase(java.util.Locale.ROOT);
                SinkProvider first = byType.putIfAbsent(type, provider);
                // One added in code is meant to win; the same class through another loader (the aspect library
                // beside the agent) is no conflict.
                if (first != null && !ADDED.containsValue(first)
                        && !first.getClass().getName().equals(provider.getClass().getName())) {
                    WARN.warn("duplicate|" + type + "|" + provider.getClass().getName(), "auditweave: two sink providers"
                            + " have type '{}': {} is used, {} is left out", type, first.getClass().getName(),
                            provider.getClass().getName());
                }
            } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                errors++;
                WARN.warn("provider|" + e.getMessage(), "auditweave: a SinkProvider listed in"
                        + " META-INF/services/dev.auditweave.agent.spi.SinkProvider could not be loaded, left out: {}",
                        e.toString());
            }
        }
    }

    private static String checkedType(SinkProvider provider) {
        String type = provider.type();
        if (type == null || !TYPE.matcher(type).matches()) {
            throw new IllegalArgumentException("the sink provider " + provider.getClass().getName() + " has type "
                    + (type == null ? "null" : "'" + type + "'") + ": expected a letter, then letters, digits, ., _"
                    + " or -");
        }
        return type;
    }
}
