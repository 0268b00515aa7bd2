package dev.auditweave.agent.internal.capture;

import dev.auditweave.agent.ActorResolver;
import dev.auditweave.agent.internal.loader.LoaderServices;
import java.util.List;
import java.util.ServiceLoader;

/**
 * The {@link ActorResolver}s an application's class loader provides, in the order asked: those listed in its
 * {@code META-INF/services/dev.auditweave.agent.ActorResolver} ({@link ServiceLoader}), then the built-in Spring
 * Security resolver when Spring Security is visible from it ({@link SpringSecurityActors}).
 *
 * <p>Found once per class loader, at the first call that reads {@code ACTOR} from a class of that loader; after
 * that a call costs one {@link ClassValue} read; no class loader is kept alive ({@link LoaderServices}).
 *
 * <pre>{@code
 * for (ActorResolver resolver : LoaderActorResolvers.of(UserService.class)) { ... }
 * }</pre>
 */
final class LoaderActorResolvers {

    private static final LoaderServices<ActorResolver> RESOLVERS =
            new LoaderServices<>(ActorResolver.class, SpringSecurityActors::find);

    private LoaderActorResolvers() {
    }

    /** The resolvers the class loader of {@code caller} provides, in order; never throws. */
    static List<ActorResolver> of(Class<?> caller) {
        return RESOLVERS.of(caller);
    }

    /** The resolvers {@code loader} provides, found at the first request for it. Never throws. */
    static List<ActorResolver> forLoader(ClassLoader loader) {
        return RESOLVERS.forLoader(loader);
    }
}
