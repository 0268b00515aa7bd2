package dev.auditweave.agent.internal.loader;

import dev.auditweave.agent.internal.log.Loggers;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.WeakHashMap;
import java.util.function.Function;
import org.slf4j.Logger;

/**
 * The implementations of one extension type that an application's class loader provides, in order: those listed in
 * its {@code META-INF/services/<type>} ({@link ServiceLoader}), then a built-in one when the loader can see what it
 * needs (a framework's classes).
 *
 * <p>Found once per class loader, at the first request from a class of that loader; after that a request costs one
 * {@link ClassValue} read. Neither cache keeps a class loader alive: the per-class cache lives in the classes, the
 * per-loader one holds its loaders weakly and its lists through weak references.
 *
 * <pre>{@code
 * LoaderServices<ActorResolver> resolvers = new LoaderServices<>(ActorResolver.class, SpringSecurityActors::find);
 * for (ActorResolver resolver : resolvers.of(UserService.class)) { ... }
 * }</pre>
 *
 * @param <S> the extension type
 */
public final class LoaderServices<S> {

    private static final Logger LOG = Loggers.get(LoaderServices.class);

    /** Providers that fail to load before the look-up gives up on a class loader's services. */
    private static final int MAX_FAILURES = 16;

    private final Class<S> type;
    private final Function<ClassLoader, S> builtIn;
    /** Guarded by itself; touched only when a class first asks. */
    private final Map<ClassLoader, WeakReference<List<S>>> byLoader = new WeakHashMap<>();
    private final ClassValue<List<S>> byCaller = new ClassValue<>() {
        @Override
        protected List<S> computeValue(Class<?> caller) {
            ClassLoader loader = caller.getClassLoader();
            return forLoader(loader != null ? loader : ClassLoader.getSystemClassLoader());
        }
    };

    /**
     * @param type    the extension type, whose name is the services file's
     * @param builtIn the built-in implementation a class loader can use, or {@code null} when it cannot
     */
    public LoaderServices(Class<S> type, Function<ClassLoader, S> builtIn) {
        this.type = type;
        this.builtIn = builtIn;
    }

    /** The implementations the class loader of {@code caller} provides, in order; never throws. */
    public List<S> of(Class<?> caller) {
        return byCaller.get(caller);
    }

    /** The implementations {@code loader} provides, found at the first request for it. Never throws. */
    public List<S> forLoader(ClassLoader loader) {
        synchronized (byLoader) {
            WeakReference<List<S>> cached = byLoader.get(loader);
            List<S> found = cached == null ? null : cached.get();
            if (found == null) {
                found = find(loader);
                byLoader.put(loader, new WeakReference<>(found));
            }
            return found;
        }
    }

    private List<S> find(ClassLoader loader) {
        List<S> found = new ArrayList<>(serviceLoaded(loader));
        S fallback = builtIn.apply(loader);
        if (fallback != null) {
            found.add(fallback);
        }
        LOG.debug("auditweave: {}s of {}: {}", type.getSimpleName(), loader, found);
        return List.copyOf(found);
    }

    /**
     * The providers of {@code loader}; one that cannot be loaded or instantiated is reported and left out, and the
     * look-up goes on with the next (after {@value #MAX_FAILURES} such failures it stops).
     */
    private List<S> serviceLoaded(ClassLoader loader) {
        List<S> found = new ArrayList<>();
        try {
            Iterator<S> providers = ServiceLoader.load(type, loader).iterator();
            int failures = 0;
            while (failures < MAX_FAILURES) {
                try {
                    if (!providers.hasNext()) {
                        break;
                    }
                    found.add(providers.next());
                } catch (ServiceConfigurationError | LinkageError e) {
                    failures++;
                    LOG.warn("auditweave: a provider of META-INF/services/{} in {} is left out: {}", type.getName(),
                            loader, e.toString());
                }
            }
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("auditweave: cannot look up the {}s of {}: {}", type.getSimpleName(), loader, e.toString());
        }
        return found;
    }
}
