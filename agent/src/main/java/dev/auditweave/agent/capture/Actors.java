package dev.auditweave.agent.capture;

import dev.auditweave.agent.Actor;
import dev.auditweave.agent.ActorResolver;
import dev.auditweave.agent.log.Loggers;
import dev.auditweave.agent.log.RateLimitedLogger;
import dev.auditweave.agent.metrics.Counters;
import java.util.Arrays;
import java.util.List;

/**
 * Resolves {@code ACTOR} for one call, on the calling thread: the resolvers added in code ({@link ActorResolvers}),
 * then those the caller's class loader provides ({@link LoaderActorResolvers}: {@link java.util.ServiceLoader}, then
 * Spring Security's), asked in turn; the first non-null answer wins. A resolver that throws is counted as a capture
 * error and logged (rate-limited); {@code ACTOR} is then {@code null} and the event is still emitted.
 *
 * <pre>{@code
 * Object[] arguments = Actors.withActor(args, plan.caller(), runtime.counters());   // {userId, reason, actor}
 * }</pre>
 */
final class Actors {

    private static final RateLimitedLogger WARN = new RateLimitedLogger(Loggers.get(Actors.class), 60);

    private Actors() {
    }

    /**
     * A copy of {@code args} with the actor of this call (or {@code null}) appended, in the slot that {@code ACTOR}
     * reads: the one after the last parameter.
     *
     * @param caller the class whose annotated method returned, whose class loader provides resolvers; {@code null}
     *               asks only the resolvers added in code
     */
    static Object[] withActor(Object[] args, Class<?> caller, Counters counters) {
        Object[] arguments = args == null ? new Object[1] : Arrays.copyOf(args, args.length + 1);
        arguments[arguments.length - 1] = resolve(caller, counters);
        return arguments;
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
