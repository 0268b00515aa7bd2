package dev.auditweave.bench.support;

import dev.auditweave.agent.Auditweave;
import dev.auditweave.agent.internal.config.Settings;
import dev.auditweave.agent.internal.runtime.AuditweaveRuntime;
import dev.auditweave.agent.metrics.AuditweaveMetrics;
import java.net.URI;
import java.util.List;
import java.util.Map;

/** Starts auditweave's runtime the way each benchmark needs it. */
public final class Runtimes {

    private Runtimes() {
    }

    /**
     * A runtime whose one sink discards: queue and batch at their defaults (10 000 events, batches of 500), so
     * the calling thread pays exactly what it pays in production up to the enqueue.
     */
    public static DiscardSink discarding() {
        DiscardSink sink = new DiscardSink();
        AuditweaveRuntime.replace(Settings.defaults().with(Map.of("auditweave.sink", "memory")), List.of(sink));
        return sink;
    }

    /** The http sink to {@code url}, batches of {@code batch}, a queue large enough that nothing is dropped. */
    public static void http(URI url, int batch, int queueCapacity) {
        Settings settings = Settings.defaults().with(Map.of(
                "auditweave.sink", "http",
                "auditweave.http.url", url.toString(),
                "auditweave.batch.max-events", Integer.toString(batch),
                "auditweave.batch.max-delay-ms", "10",
                "auditweave.queue.capacity", Integer.toString(queueCapacity)));
        AuditweaveRuntime.replace(settings);
    }

    /**
     * One sink {@code audit} of type jdbc writing to {@code url}, batches of {@code batch}, a queue large enough that
     * nothing is dropped.
     */
    public static void jdbc(String url, int batch, int queueCapacity) {
        Settings settings = Settings.defaults().with(Map.of(
                "auditweave.sinks", "audit",
                "auditweave.sink.audit.type", "jdbc",
                "auditweave.sink.audit.url", url,
                "auditweave.batch.max-events", Integer.toString(batch),
                "auditweave.batch.max-delay-ms", "10",
                "auditweave.queue.capacity", Integer.toString(queueCapacity)));
        AuditweaveRuntime.replace(settings);
    }

    public static AuditweaveMetrics metrics() {
        return Auditweave.metrics();
    }

    /** One line for the benchmark log: what the runtime did during the trial. */
    public static String describe() {
        AuditweaveMetrics m = metrics();
        return "auditweave: captured " + m.captured() + ", enqueued " + m.enqueued() + ", dropped " + m.dropped()
                + ", delivered " + m.delivered() + ", failed " + m.failed() + ", capture errors " + m.captureErrors();
    }
}
