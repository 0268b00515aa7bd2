package dev.auditweave.agent.internal.context;

import dev.auditweave.agent.ClientRequest;
import dev.auditweave.agent.RequestResolver;
import dev.auditweave.agent.internal.expr.ContextMap;
import dev.auditweave.agent.internal.expr.Request;
import dev.auditweave.agent.internal.log.Loggers;
import dev.auditweave.agent.internal.log.RateLimitedLogger;
import dev.auditweave.agent.internal.metrics.Counters;
import java.util.List;

/**
 * Resolves {@code REQUEST} for one call, on the calling thread: the resolvers added in code
 * ({@link RequestResolvers}), then those the caller's class loader provides ({@link LoaderRequestResolvers}:
 * {@link java.util.ServiceLoader}, then Spring's thread-bound servlet request), asked in turn; the first non-null
 * answer wins, and its client address is derived through the {@link TrustedProxies}. Outside a request it is
 * {@code null}. A resolver that throws is counted as a capture error and logged (rate-limited); {@code REQUEST} is then
 * {@code null} and the event is still emitted.
 *
 * <pre>{@code
 * Request request = Requests.resolve(AuthService.class, proxies, counters);   // null outside a request
 * }</pre>
 */
public final class Requests {

    private static final RateLimitedLogger WARN = new RateLimitedLogger(Loggers.get(Requests.class), 60);

    private Requests() {
    }

    /**
     * The request of this call, or {@code null}. Never throws.
     *
     * @param caller the class whose annotated method returned, whose class loader provides resolvers; {@code null}
     *               asks only the resolvers added in code
     */
    public static Request resolve(Class<?> caller, TrustedProxies proxies, Counters counters) {
        RequestResolver asked = null;
        try {
            ClientRequest found = null;
            for (RequestResolver resolver : RequestResolvers.added()) {
                asked = resolver;
                found = resolver.resolve();
                if (found != null) {
                    break;
                }
            }
            List<RequestResolver> loaders = found != null || caller == null ? List.of()
                    : LoaderRequestResolvers.of(caller);
            for (RequestResolver resolver : loaders) {
                asked = resolver;
                found = resolver.resolve();
                if (found != null) {
                    break;
                }
            }
            return found == null ? null : view(found, proxies);
        } catch (Throwable t) {
            counters.captureError();
            String name = asked == null ? "look-up" : asked.getClass().getName();
            WARN.warn("request|" + name, "auditweave: request resolver {} threw {}; REQUEST is null for this call and"
                    + " the event is still emitted", name, t.toString());
            return null;
        }
    }

    /** What expressions see of {@code request}. */
    static Request view(ClientRequest request, TrustedProxies proxies) {
        return new Request(proxies.clientAddress(request), request.method(), path(request.path()),
                request.header("User-Agent"), ContextMap.caseInsensitive(request.headers()));
    }

    /** The path without a query a resolver may have left on it. */
    private static String path(String path) {
        int query = path == null ? -1 : path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }
}
