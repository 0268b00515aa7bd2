package dev.auditweave.agent.internal.capture;

import dev.auditweave.agent.ActorResolver;
import dev.auditweave.agent.internal.log.Loggers;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.WeakHashMap;
import org.slf4j.Logger;

/**
 * The {@link ActorResolver}s an application's class loader provides, in the order asked: those listed in its
 * {@code META-INF/services/dev.auditweave.agent.ActorResolver} ({@link ServiceLoader}), then the built-in Spring
 * Security resolver when Spring Security is visible from it ({@link SpringSecurityActors}).
 *
 * <p>Found once per class loader, at the first call that reads {@code ACTOR} from a class of that loader; after
 * that a call costs one {@link ClassValue} read. Neither cache keeps a class loader alive: the per-class cache lives
 * in the classes, the per-loader one holds its loaders weakly and its lists through weak references.
 *
 * <pre>{@code
 * for (ActorResolver resolver : LoaderActorResolvers.of(UserService.class)) { ... }
 * }</pre>
 */
final class LoaderActorResolvers {

    private static final Logger LOG = Loggers.get(LoaderActorResolvers.class);

    /** Providers that fail to load before the look-up gives up on a class loader's services. */
    private static final int MAX_FAILURES = 16;

    /** Guarded by itself; touched only when a class first asks. */
    private static final Map<ClassLoader, WeakReference<List<ActorResolver>>> BY_LOADER = new WeakHashMap<>();

    private static final ClassValue<List<ActorResolver>> BY_CALLER = new ClassValue<>() {
        @Override
        protected List<ActorResolver> computeValue(Class<?> caller) {
            ClassLoader loader = caller.getClassLoader();
            return forLoader(loader != null ? loader : ClassLoader.getSystemClassLoader());
        }
    };

    private LoaderActorResolvers() {
    }

    /** The resolvers the class loader of {@code caller} provides, in order; never throws. */
    static List<ActorResolver> of(Class<?> caller) {
        return BY_CALLER.get(caller);
    }

    /** The resolvers {@code loader} provides, found at the first request for it. Never throws. */
    static List<ActorResolver> forLoader(ClassLoader loader) {
        synchronized (BY_LOADER) {
            WeakReference<List<ActorResolver>> cached = BY_LOADER.get(loader);
            List<ActorResolver> resolvers = cached == null ? null : cached.get();
            if (resolvers == null) {
                resolvers = find(loader);
                BY_LOADER.put(loader, new WeakReference<>(resolvers));
            }
            return resolvers;
        }
    }

    private static List<ActorResolver> find(ClassLoader loader) {
        List<ActorResolver> resolvers = new ArrayList<>(serviceLoaded(loader));
        ActorResolver spring = SpringSecurityActors.find(loader);
        if (spring != null) {
            resolvers.add(spring);
        }
        LOG.debug("auditweave: actor resolvers of {}: {}", loader, resolvers);
        return List.copyOf(resolvers);
    }

    /**
     * The providers of {@code loader}; one that cannot be loaded or instantiated is reported and left out, and the
     * look-up goes on with the next (after {@value #MAX_FAILURES} such failures it stops).
     */
    private static List<ActorResolver> serviceLoaded(ClassLoader loader) {
        List<ActorResolver> found = new ArrayList<>();
        try {
            Iterator<ActorResolver> providers = ServiceLoader.load(ActorResolver.class, loader).iterator();
            int failures = 0;
            while (failures < MAX_FAILURES) {
                try {
                    if (!providers.hasNext()) {
                        break;
                    }
                    found.add(providers.next());
                } catch (ServiceConfigurationError | LinkageError e) {
                    failures++;
                    LOG.warn("auditweave: an ActorResolver of META-INF/services in {} is left out: {}", loader,
                            e.toString());
                }
            }
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("auditweave: cannot look up the ActorResolvers of {}: {}", loader, e.toString());
        }
        return found;
    }
}
