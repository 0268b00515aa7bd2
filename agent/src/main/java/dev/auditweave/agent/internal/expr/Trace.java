package dev.auditweave.agent.internal.expr;

import java.util.Objects;

/**
 * What expressions see as {@code TRACE}: the OpenTelemetry span current on the calling thread when the annotated
 * method returned, so that an event links to its trace. Internal; immutable. {@code TRACE} is {@code null} when there
 * is no valid span (no OpenTelemetry, or no span open); a field whose value is {@code TRACE} itself becomes the
 * object {@code {"traceId": .., "spanId": ..}}.
 *
 * <pre>{@code
 * TRACE.traceId   // "4bf92f3577b34da6a3ce929d0e0e4736": 32 lower-case hex digits
 * TRACE.spanId    // "00f067aa0ba902b7": 16 lower-case hex digits
 * }</pre>
 *
 * @param traceId the trace id, as OpenTelemetry writes it
 * @param spanId  the span id, as OpenTelemetry writes it
 */
public record Trace(String traceId, String spanId) {

    public Trace {
        Objects.requireNonNull(traceId, "traceId");
        Objects.requireNonNull(spanId, "spanId");
    }
}
