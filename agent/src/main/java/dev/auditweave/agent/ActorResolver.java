package dev.auditweave.agent;

/**
 * Says who is acting on the calling thread, for {@code ACTOR} in expressions. Asked on the calling thread as the
 * annotated method returns, and only for events whose expressions read {@code ACTOR}; resolvers are asked in turn
 * and the first that knows answers. Found by {@link java.util.ServiceLoader} (list the class in
 * {@code META-INF/services/dev.auditweave.agent.ActorResolver}), added with {@link Auditweave#addActorResolver},
 * or, with the Spring Boot starter, any bean of this type. A resolver for Spring Security comes with auditweave and
 * is asked last when Spring Security is on the class path.
 *
 * <pre>{@code
 * public final class AdminApiActors implements ActorResolver {
 *     public Actor resolve() {
 *         return AdminApiKey.current() != null ? Actor.system("Admin API") : null;   // null: ask the next one
 *     }
 * }
 * }</pre>
 *
 * <p>Must be fast and must not block: it runs on the business method's thread. Whatever it throws is caught,
 * counted and logged, and {@code ACTOR} is then {@code null}.
 */
@FunctionalInterface
public interface ActorResolver {

    /**
     * The actor of the current call, or {@code null} when this resolver does not know (the next one is asked; when
     * none knows, {@code ACTOR} is {@code null}, as for an anonymous caller).
     */
    Actor resolve();
}
