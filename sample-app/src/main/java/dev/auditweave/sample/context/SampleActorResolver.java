package dev.auditweave.sample.context;

import dev.auditweave.agent.Actor;
import dev.auditweave.agent.ActorResolver;

/**
 * Tells auditweave who acts ({@code ACTOR} in expressions), from the {@link RequestContext}: a signed-in user is
 * {@code Actor.user(email, name)}, the admin API is {@code Actor.system("Admin API")} (no user row, id
 * {@code null}), an anonymous request has no actor ({@code null}). Found by {@link java.util.ServiceLoader}
 * through {@code META-INF/services/dev.auditweave.agent.ActorResolver}, under the {@code -javaagent} and woven.
 */
public final class SampleActorResolver implements ActorResolver {

    @Override
    public Actor resolve() {
        return RequestContext.current()
                .map(caller -> caller.isAdminApi() ? Actor.system(caller.displayName())
                        : Actor.user(caller.userEmail(), caller.displayName()))
                .orElse(null);
    }
}
