package dev.auditweave.agent.internal.capture;

import dev.auditweave.agent.Actor;
import dev.auditweave.agent.ActorResolver;
import dev.auditweave.agent.internal.log.Loggers;
import dev.auditweave.agent.internal.log.RateLimitedLogger;
import dev.auditweave.agent.internal.metrics.Counters;
import java.util.List;

/**
 * Resolves {@code ACTOR} for one call, on the calling thread: the resolvers added in code ({@link ActorResolvers}),
 * then those the caller's class loader provides ({@link LoaderActorResolvers}: {@link java.util.ServiceLoader}, then
 * Spring Security's), asked in turn; the first non-null answer wins. A resolver that throws is counted as a capture
 * error and logged (rate-limited); {@code ACTOR} is then {@code null} and the event is still emitted.
 *
 * <pre>{@code
 * Actor actor = Actors.resolve(plan.caller(), runtime.counters());   // null: anonymous
 * }</pre>
 */
final class Actors {

    private static final RateLimitedLogger WARN = new RateLimitedLogger(Loggers.get(Actors.class), 60);

    private Actors() {
    }

    /** The actor of this call, or {@code null} (anonymous, or a resolver threw). Never throws. */
    static Actor resolve(Class<?> caller, Counters counters) {
        ActorResolver asked = null;
        try {
            List<ActorResolver> found = caller == null ? List.of() : LoaderActorResolvers.of(caller);
            for (ActorResolver resolver : ActorResolvers.added()) {
                asked = resolver;
                Actor actor = resolver.resolve();
                if (actor != null) {
                    return actor;
                }
            }
            for (ActorResolver resolver : found) {
                asked = resolver;
                Actor actor = resolver.resolve();
                if (actor != null) {
                    return actor;
                }
            }
            return null;
        } catch (Throwable t) {
            counters.captureError();
            String name = asked == null ? "look-up" : asked.getClass().getName();
            WARN.warn("actor|" + name, "auditweave: actor resolver {} threw {}; ACTOR is null for this call and the"
                    + " event is still emitted", name, t.toString());
            return null;
        }
    }
}
