package dev.auditweave.agent.internal.context;

import dev.auditweave.agent.internal.expr.Trace;
import dev.auditweave.agent.internal.log.Loggers;
import dev.auditweave.agent.internal.log.RateLimitedLogger;
import dev.auditweave.agent.internal.metrics.Counters;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import org.slf4j.Logger;

/**
 * Resolves {@code TRACE} for one call, on the calling thread: the OpenTelemetry span current there
 * ({@code Span.current().getSpanContext()}), read through the OpenTelemetry API that the annotated class's loader
 * sees, by method handles looked up once per class; auditweave does not depend on OpenTelemetry. Under the
 * OpenTelemetry Java agent, the application's API is the agent's bridge, so this sees the agent's spans too.
 * {@code null} when the API is not visible, or no valid span is current.
 *
 * <pre>{@code
 * Trace trace = Traces.resolve(AuthService.class, counters);   // null: no OpenTelemetry, or no span
 * }</pre>
 */
public final class Traces {

    private static final Logger LOG = Loggers.get(Traces.class);
    private static final RateLimitedLogger WARN = new RateLimitedLogger(LOG, 60);

    /** Built at run time: a constant would be rewritten when the agent jar relocates what it bundles. */
    private static final String SPAN = String.join(".", "io", "opentelemetry", "api", "trace", "Span");
    private static final String SPAN_CONTEXT = String.join(".", "io", "opentelemetry", "api", "trace",
            "SpanContext");

    private static final ClassValue<Reader> BY_CALLER = new ClassValue<>() {
        @Override
        protected Reader computeValue(Class<?> caller) {
            ClassLoader loader = caller.getClassLoader();
            return Reader.find(loader != null ? loader : ClassLoader.getSystemClassLoader());
        }
    };

    private Traces() {
    }

    /** The trace of this call, or {@code null}. Never throws. */
    public static Trace resolve(Class<?> caller, Counters counters) {
        if (caller == null) {
            return null;
        }
        try {
            Reader reader = BY_CALLER.get(caller);
            return reader == null ? null : reader.current();
        } catch (Throwable t) {
            counters.captureError();
            WARN.warn("trace", "auditweave: reading the current OpenTelemetry span threw {}; TRACE is null for this"
                    + " call and the event is still emitted", t.toString());
            return null;
        }
    }

    /** The method handles of one class loader's OpenTelemetry API. */
    private static final class Reader {

        /** {@code ()Object}: {@code Span.current()}. */
        private final MethodHandle current;
        /** {@code (Object)Object}: {@code Span.getSpanContext()}. */
        private final MethodHandle context;
        /** {@code (Object)boolean}: {@code SpanContext.isValid()}. */
        private final MethodHandle valid;
        /** {@code (Object)Object} each: {@code SpanContext.getTraceId()}, {@code getSpanId()}. */
        private final MethodHandle traceId;
        private final MethodHandle spanId;

        private Reader(MethodHandle current, MethodHandle context, MethodHandle valid, MethodHandle traceId,
                       MethodHandle spanId) {
            this.current = current;
            this.context = context;
            this.valid = valid;
            this.traceId = traceId;
            this.spanId = spanId;
        }

        static Reader find(ClassLoader loader) {
            Class<?> span;
            Class<?> spanContext;
            try {
                span = Class.forName(SPAN, false, loader);
                spanContext = Class.forName(SPAN_CONTEXT, false, loader);
            } catch (ClassNotFoundException | LinkageError absent) {
                return null;
            }
            try {
                MethodHandles.Lookup lookup = MethodHandles.publicLookup();
                MethodType reader = MethodType.methodType(Object.class, Object.class);
                return new Reader(
                        lookup.findStatic(span, "current", MethodType.methodType(span))
                                .asType(MethodType.methodType(Object.class)),
                        lookup.findVirtual(span, "getSpanContext", MethodType.methodType(spanContext)).asType(reader),
                        lookup.findVirtual(spanContext, "isValid", MethodType.methodType(boolean.class))
                                .asType(MethodType.methodType(boolean.class, Object.class)),
                        lookup.findVirtual(spanContext, "getTraceId", MethodType.methodType(String.class))
                                .asType(reader),
                        lookup.findVirtual(spanContext, "getSpanId", MethodType.methodType(String.class))
                                .asType(reader));
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                LOG.warn("auditweave: the OpenTelemetry API is on the class path of {} but not as expected ({});"
                        + " TRACE is not resolved from it", loader, e.toString());
                return null;
            }
        }

        Trace current() throws Throwable {
            Object span = (Object) current.invokeExact();
            Object spanContext = span == null ? null : (Object) context.invokeExact(span);
            if (spanContext == null || !(boolean) valid.invokeExact(spanContext)) {
                return null;
            }
            return new Trace((String) (Object) traceId.invokeExact(spanContext),
                    (String) (Object) spanId.invokeExact(spanContext));
        }
    }
}
