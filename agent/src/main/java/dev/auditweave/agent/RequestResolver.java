package dev.auditweave.agent;

/**
 * Says which HTTP request the calling thread is serving, for {@code REQUEST} in expressions, on a stack that
 * auditweave does not read by itself. Asked on the calling thread as the annotated method returns, and only for
 * events whose expressions read {@code REQUEST}; resolvers are asked in turn and the first that knows answers. Found by
 * {@link java.util.ServiceLoader} (list the class in {@code META-INF/services/dev.auditweave.agent.RequestResolver}) or
 * added with {@link Auditweave#addRequestResolver}. A resolver for the servlet request Spring binds to the thread
 * ({@code RequestContextHolder}: Spring MVC, and any servlet application with Spring's {@code RequestContextFilter})
 * comes with auditweave and is asked last when Spring Web is on the class path.
 *
 * <pre>{@code
 * // a stack that keeps its request in a thread-local of its own
 * public final class GatewayRequests implements RequestResolver {
 *     public ClientRequest resolve() {
 *         GatewayCall call = GatewayCall.current();
 *         return call == null ? null     // null: ask the next one
 *             : ClientRequest.of(call.method(), call.path(), call.peerAddress(), call.headers());
 *     }
 * }
 * }</pre>
 *
 * <p>Must be fast and must not block: it runs on the business method's thread. Whatever it throws is caught,
 * counted and logged, and {@code REQUEST} is then {@code null}.
 */
@FunctionalInterface
public interface RequestResolver {

    /**
     * The request the current thread serves, or {@code null} when this resolver does not know (the next one is
     * asked; when none knows, {@code REQUEST} is {@code null}, as outside a request).
     */
    ClientRequest resolve();
}
