package dev.auditweave.agent.internal.context;

import dev.auditweave.agent.RequestResolver;
import dev.auditweave.agent.internal.log.Loggers;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.slf4j.Logger;

/**
 * The {@link RequestResolver}s an application's class loader provides, in the order asked: those listed in its
 * {@code META-INF/services/dev.auditweave.agent.RequestResolver} ({@link ServiceLoader}), then the built-in one for
 * Spring's thread-bound servlet request when Spring Web is visible from it ({@link SpringWebRequests}). Found once per
 * annotated class, at its first call that reads {@code REQUEST}; after that a call costs one {@link ClassValue} read.
 *
 * <pre>{@code
 * for (RequestResolver resolver : LoaderRequestResolvers.of(AuthService.class)) { ... }
 * }</pre>
 */
final class LoaderRequestResolvers {

    private static final Logger LOG = Loggers.get(LoaderRequestResolvers.class);

    /** Providers that fail to load before the look-up gives up on a class loader's services. */
    private static final int MAX_FAILURES = 16;

    private static final ClassValue<List<RequestResolver>> BY_CALLER = new ClassValue<>() {
        @Override
        protected List<RequestResolver> computeValue(Class<?> caller) {
            ClassLoader loader = caller.getClassLoader();
            return find(loader != null ? loader : ClassLoader.getSystemClassLoader());
        }
    };

    private LoaderRequestResolvers() {
    }

    /** The resolvers the class loader of {@code caller} provides, in order; never throws. */
    static List<RequestResolver> of(Class<?> caller) {
        return BY_CALLER.get(caller);
    }

    private static List<RequestResolver> find(ClassLoader loader) {
        List<RequestResolver> resolvers = new ArrayList<>(serviceLoaded(loader));
        RequestResolver spring = SpringWebRequests.find(loader);
        if (spring != null) {
            resolvers.add(spring);
        }
        LOG.debug("auditweave: request resolvers of {}: {}", loader, resolvers);
        return List.copyOf(resolvers);
    }

    private static List<RequestResolver> serviceLoaded(ClassLoader loader) {
        List<RequestResolver> found = new ArrayList<>();
        try {
            Iterator<RequestResolver> providers = ServiceLoader.load(RequestResolver.class, loader).iterator();
            int failures = 0;
            while (failures < MAX_FAILURES) {
                try {
                    if (!providers.hasNext()) {
                        break;
                    }
                    found.add(providers.next());
                } catch (ServiceConfigurationError | LinkageError e) {
                    failures++;
                    LOG.warn("auditweave: a RequestResolver of META-INF/services in {} is left out: {}", loader,
                            e.toString());
                }
            }
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("auditweave: cannot look up the RequestResolvers of {}: {}", loader, e.toString());
        }
        return found;
    }
}
