package dev.auditweave.agent.internal.runtime;

import dev.auditweave.agent.internal.config.Settings;
import dev.auditweave.agent.internal.dispatch.Pipeline;
import dev.auditweave.agent.internal.enrich.Enrichment;
import dev.auditweave.agent.internal.log.Loggers;
import dev.auditweave.agent.internal.metrics.Counters;
import dev.auditweave.agent.internal.metrics.LossReporter;
import dev.auditweave.agent.internal.metrics.MetricsMBeans;
import dev.auditweave.agent.metrics.AuditweaveMetrics;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;

/**
 * The start and the end of one {@link AuditweaveRuntime}'s delivery: its pipeline and enrichment threads, and what
 * runs beside them (the shutdown hook, the loss reporter, the MBeans); the lines that say it started and stopped.
 */
final class RuntimeLifecycle {

    /** The runtime's own: these lines are the runtime's start and end. */
    private static final Logger LOG = Loggers.get(AuditweaveRuntime.class);

    /** How often a minute's drops and dead letters are summed up in one INFO line. */
    private static final long LOSS_REPORT_SECONDS = 60;

    private final Settings settings;
    private final Counters counters;
    private final Pipeline pipeline;
    private final Enrichment enrichment;
    private final Thread shutdownHook = new Thread(this::shutdownAtExit, "auditweave-shutdown");
    private final LossReporter lossReporter;
    private volatile MetricsMBeans mbeans;
    /** Set once {@link #stop(Duration)} drained this instance, so that nothing drains it twice. */
    private final AtomicBoolean stopped = new AtomicBoolean();

    RuntimeLifecycle(Settings settings, Counters counters, Pipeline pipeline, Enrichment enrichment) {
        this.settings = settings;
        this.counters = counters;
        this.pipeline = pipeline;
        this.enrichment = enrichment;
        this.lossReporter = new LossReporter(counters::snapshot);
    }

    void start() {
        pipeline.start();
        if (!pipeline.isEmpty()) {
            enrichment.start();
            Runtime.getRuntime().addShutdownHook(shutdownHook);
            lossReporter.start(LOSS_REPORT_SECONDS);
            // JMX initialises in about a quarter of a second: on the metrics thread, not the application's start-up.
            lossReporter.execute(this::registerMBeans);
        }
        LOG.info("auditweave started: {}", describe());
    }

    /** Drains within the shutdown timeout before another instance takes this one's place; logs nothing. */
    void close() {
        lossReporter.stop(); // after this, registerMBeans has either run or never will
        unregisterMBeans();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException | IllegalArgumentException alreadyShuttingDownOrNotRegistered) {
            return;
        }
        drain(settings.shutdownTimeout());
    }

    /**
     * Drains within {@code timeout} and logs one summary line; see {@link AuditweaveRuntime#stop(Duration)}. Returns
     * how many events could not be delivered or spooled in time; 0 when stopped already or during JVM exit.
     */
    int stop(Duration timeout) {
        if (!stopped.compareAndSet(false, true)) {
            return 0;
        }
        long started = System.nanoTime();
        lossReporter.stop();
        unregisterMBeans();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            return 0; // the shutdown hook drains it
        }
        int lost = drain(timeout);
        if (!pipeline.isEmpty()) {
            logStopped("auditweave stopped with the application", started, lost);
        }
        return lost;
    }

    boolean isStopped() {
        return stopped.get();
    }

    /**
     * Drains within {@code timeout}: the events in enrichment get at most half of it (what is still unfinished then
     * is sent without the missing fields), delivery the rest. Returns the events that could not be delivered or
     * spooled in time.
     */
    private int drain(Duration timeout) {
        long started = System.nanoTime();
        enrichment.shutdown(started + timeout.toNanos() / 2);
        return pipeline.shutdown(Duration.ofNanos(Math.max(0, started + timeout.toNanos() - System.nanoTime())));
    }

    private void shutdownAtExit() {
        long started = System.nanoTime();
        logStopped("auditweave stopped", started, drain(settings.shutdownTimeout()));
    }

    /** One summary line of what this instance did: WARN when something was lost, failed or dropped. */
    private void logStopped(String what, long startedNanos, int lost) {
        AuditweaveMetrics m = counters.snapshot();
        String summary = what + " in {} ms: captured {}, delivered {}, failed {}, dropped {}, lost {},"
                + " spooled {}, replayed {}, dead-lettered {}, dropped by reason {}";
        Object[] figures = {(System.nanoTime() - startedNanos) / 1_000_000, m.captured(), m.delivered(), m.failed(),
                m.dropped(), m.lost(), m.spooled(), m.replayed(), m.deadLettered(), m.droppedByReason()};
        if (lost > 0 || m.failed() > 0 || m.dropped() > 0) {
            LOG.warn(summary, figures);
        } else {
            LOG.info(summary, figures);
        }
    }

    private void registerMBeans() {
        Map<String, Supplier<AuditweaveMetrics>> perSink = new LinkedHashMap<>();
        pipeline.dispatchers().forEach(d -> perSink.put(d.name(), d.counters()::snapshot));
        mbeans = MetricsMBeans.register(counters::snapshot, perSink);
    }

    private void unregisterMBeans() {
        MetricsMBeans registered = mbeans;
        if (registered != null) {
            registered.unregister();
        }
    }

    private String describe() {
        if (!settings.enabled()) {
            return "disabled (auditweave.enabled=false)";
        }
        if (pipeline.isEmpty()) {
            return "no sink to deliver to, capture is off";
        }
        String spool = settings.spoolDir().map(dir -> ", spool " + dir.toAbsolutePath() + " (max "
                + settings.spoolMaxBytes() + " bytes, fsync every " + settings.spoolFsyncInterval().toMillis() + " ms)")
                .orElse("");
        if (settings.namedSinks().isEmpty()) {
            return "sinks " + pipeline.dispatchers().stream().map(d -> d.name()).collect(Collectors.joining(", "))
                    + ", batch " + settings.batchMaxEvents() + " events / " + settings.batchMaxDelay().toMillis()
                    + " ms, queue " + settings.queueCapacity() + spool;
        }
        return "sinks " + pipeline.dispatchers().stream().map(d -> d.name() + " (types " + d.filter()
                + ", batch " + d.policy().maxBatchEvents() + " events / " + d.policy().maxBatchDelay().toMillis()
                + " ms, queue " + d.policy().queueCapacity() + ")").collect(Collectors.joining(", ")) + spool;
    }
}
