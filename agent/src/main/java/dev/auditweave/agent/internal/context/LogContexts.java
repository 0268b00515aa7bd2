package dev.auditweave.agent.internal.context;

import dev.auditweave.agent.internal.expr.ContextMap;
import dev.auditweave.agent.internal.log.Loggers;
import dev.auditweave.agent.internal.log.RateLimitedLogger;
import dev.auditweave.agent.internal.metrics.Counters;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;

/**
 * Resolves {@code MDC} for one call, on the calling thread: a copy of the application's SLF4J MDC
 * ({@code MDC.getCopyOfContextMap()}), read through the SLF4J that the annotated class's loader sees, by a method
 * handle looked up once per class: under the {@code -javaagent} that is the application's SLF4J, never the agent's
 * relocated copy. The copy stays on the calling side: only the keys that expressions name reach the event. An empty
 * map when SLF4J is not visible or the MDC is empty.
 *
 * <pre>{@code
 * ContextMap mdc = LogContexts.resolve(AuthService.class, counters);   // {"request-id": "r-42", ...}
 * }</pre>
 */
public final class LogContexts {

    private static final Logger LOG = Loggers.get(LogContexts.class);
    private static final RateLimitedLogger WARN = new RateLimitedLogger(LOG, 60);

    /** Built at run time: a constant would be rewritten when the agent jar relocates its own SLF4J. */
    private static final String MDC = String.join(".", "org", "slf4j", "MDC");

    /** {@code ()Map} per annotated class, or {@code null} when its loader sees no SLF4J. */
    private static final ClassValue<MethodHandle> BY_CALLER = new ClassValue<>() {
        @Override
        protected MethodHandle computeValue(Class<?> caller) {
            ClassLoader loader = caller.getClassLoader();
            return find(loader != null ? loader : ClassLoader.getSystemClassLoader());
        }
    };

    private LogContexts() {
    }

    /** The logging context of this call, {@link ContextMap#empty()} when there is none. Never throws. */
    public static ContextMap resolve(Class<?> caller, Counters counters) {
        if (caller == null) {
            return ContextMap.empty();
        }
        try {
            MethodHandle copy = BY_CALLER.get(caller);
            Map<?, ?> values = copy == null ? null : (Map<?, ?>) copy.invokeExact();
            if (values == null || values.isEmpty()) {
                return ContextMap.empty();
            }
            Map<String, String> text = new LinkedHashMap<>();
            values.forEach((key, value) -> {
                if (key != null && value != null) {
                    text.put(key.toString(), value.toString());
                }
            });
            return ContextMap.of(text);
        } catch (Throwable t) {
            counters.captureError();
            WARN.warn("mdc", "auditweave: reading the MDC threw {}; MDC is empty for this call and the event is"
                    + " still emitted", t.toString());
            return ContextMap.empty();
        }
    }

    private static MethodHandle find(ClassLoader loader) {
        Class<?> mdc;
        try {
            mdc = Class.forName(MDC, false, loader);
        } catch (ClassNotFoundException | LinkageError absent) {
            return null;
        }
        try {
            return MethodHandles.publicLookup().findStatic(mdc, "getCopyOfContextMap", MethodType.methodType(Map.class))
                    .asType(MethodType.methodType(Map.class));
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            LOG.warn("auditweave: SLF4J is on the class path of {} but its MDC is not as expected ({}); MDC is empty",
                    loader, e.toString());
            return null;
        }
    }
}
