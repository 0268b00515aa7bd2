package dev.auditweave.agent;

import dev.auditweave.agent.metrics.AuditweaveMetrics;
import dev.auditweave.bootstrap.EmitBridge;
import dev.auditweave.bootstrap.EmitHandler;
import java.time.Duration;
import java.util.Objects;

/**
 * What an application can ask of auditweave in code: its counters, and a flush for the rare place that
 * must know its events are out (a hook right before the JVM or a tenant is torn down, a test).
 *
 * <pre>{@code
 * userService.blockUser("u-1", "spam");
 * Auditweave.flush(Duration.ofSeconds(5));
 * long delivered = Auditweave.metrics().delivered();
 * }</pre>
 *
 * <p>The same calls work in every mode: compile-time woven (the runtime in the application's class path), under
 * the {@code -javaagent} (the agent jar shares this class on the bootstrap class path, so the application needs
 * no auditweave jar at run time), and both at once, where the agent's runtime is the one that answers.
 */
public final class Auditweave {

    private Auditweave() {
    }

    /** The counters since start-up. */
    public static AuditweaveMetrics metrics() {
        EmitHandler agent = EmitBridge.handler();
        return agent != null ? agent.control().metrics(null) : LocalRuntime.metrics(null);
    }

    /**
     * The counters of one sink, by the name {@code auditweave.sinks} gives it (with the shorthand
     * {@code auditweave.sink=http}, the sink is named after its type). {@code captured}, {@code captureErrors} and
     * {@code guardedOut} happen before routing and are 0 per sink.
     *
     * @throws IllegalArgumentException when no sink has that name
     */
    public static AuditweaveMetrics metrics(String sink) {
        Objects.requireNonNull(sink, "sink");
        EmitHandler agent = EmitBridge.handler();
        return agent != null ? agent.control().metrics(sink) : LocalRuntime.metrics(sink);
    }

    /**
     * Sends everything captured so far without waiting for the batch delay, and waits until it is
     * delivered or given up, at most {@code timeout}. Returns {@code true} if that happened in time.
     * Blocks the caller: never call it on a hot path.
     */
    public static boolean flush(Duration timeout) {
        EmitHandler agent = EmitBridge.handler();
        return agent != null ? agent.control().flush(timeout.toMillis()) : LocalRuntime.flush(timeout);
    }
}
