package dev.auditweave.agent.internal.context;

import dev.auditweave.agent.RequestResolver;
import dev.auditweave.agent.internal.loader.LoaderServices;
import java.util.List;
import java.util.ServiceLoader;

/**
 * The {@link RequestResolver}s an application's class loader provides, in the order asked: those listed in its
 * {@code META-INF/services/dev.auditweave.agent.RequestResolver} ({@link ServiceLoader}), then the built-in one for
 * Spring's thread-bound servlet request when Spring Web is visible from it ({@link SpringWebRequests}). Found once per
 * class loader, at the first call that reads {@code REQUEST} from a class of that loader; after that a call costs one
 * {@link ClassValue} read ({@link LoaderServices}).
 *
 * <pre>{@code
 * for (RequestResolver resolver : LoaderRequestResolvers.of(AuthService.class)) { ... }
 * }</pre>
 */
final class LoaderRequestResolvers {

    private static final LoaderServices<RequestResolver> RESOLVERS =
            new LoaderServices<>(RequestResolver.class, SpringWebRequests::find);

    private LoaderRequestResolvers() {
    }

    /** The resolvers the class loader of {@code caller} provides, in order; never throws. */
    static List<RequestResolver> of(Class<?> caller) {
        return RESOLVERS.of(caller);
    }
}
