package dev.auditweave.sample.context;

import java.util.Objects;
import java.util.Optional;

/**
 * The caller of the request being handled on this thread, as a web framework's security context would hold it:
 * set around the handling of one request ({@link #call}), empty for an anonymous request.
 *
 * <pre>{@code
 * RequestContext.call(Caller.user("admin@kilo.example", "Ada Admin"), () -> users.blockUser("u-1", "spam"));
 * RequestContext.current();   // empty again: an anonymous request
 * }</pre>
 */
public final class RequestContext {

    private static final ThreadLocal<Caller> CURRENT = new ThreadLocal<>();

    private RequestContext() {
    }

    /** Work done on behalf of a caller. */
    @FunctionalInterface
    public interface Work<T> {
        T run() throws Exception;
    }

    /** Runs {@code work} with {@code caller} as the current caller, then restores the previous one. */
    public static <T> T call(Caller caller, Work<T> work) throws Exception {
        Objects.requireNonNull(caller, "caller");
        Caller previous = CURRENT.get();
        CURRENT.set(caller);
        try {
            return work.run();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    /** The caller of the current request; empty when it is anonymous (or there is none). */
    public static Optional<Caller> current() {
        return Optional.ofNullable(CURRENT.get());
    }
}
