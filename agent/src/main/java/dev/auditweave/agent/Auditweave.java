package dev.auditweave.agent;

import dev.auditweave.agent.metrics.AuditweaveMetrics;
import dev.auditweave.agent.runtime.AuditweaveRuntime;
import java.time.Duration;

/**
 * What an application can ask of auditweave in code: its counters, and a flush for the rare place that
 * must know its events are out (a hook right before the JVM or a tenant is torn down, a test).
 *
 * <pre>{@code
 * userService.blockUser("u-1", "spam");
 * Auditweave.flush(Duration.ofSeconds(5));
 * long delivered = Auditweave.metrics().delivered();
 * }</pre>
 */
public final class Auditweave {

    private Auditweave() {
    }

    /** The counters since start-up. */
    public static AuditweaveMetrics metrics() {
        return AuditweaveRuntime.current().metrics();
    }

    /**
     * The counters of one sink, by the name {@code auditweave.sinks} gives it (with the shorthand
     * {@code auditweave.sink=http}, the sink is named after its type). {@code captured}, {@code captureErrors} and
     * {@code guardedOut} happen before routing and are 0 per sink.
     *
     * @throws IllegalArgumentException when no sink has that name
     */
    public static AuditweaveMetrics metrics(String sink) {
        return AuditweaveRuntime.current().metrics(sink);
    }

    /**
     * Sends everything captured so far without waiting for the batch delay, and waits until it is
     * delivered or given up, at most {@code timeout}. Returns {@code true} if that happened in time.
     * Blocks the caller: never call it on a hot path.
     */
    public static boolean flush(Duration timeout) {
        return AuditweaveRuntime.current().flush(timeout);
    }
}
