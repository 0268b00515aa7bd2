package dev.auditweave.agent.internal.metrics;

import dev.auditweave.agent.metrics.AuditweaveMetrics;

import dev.auditweave.agent.internal.log.Loggers;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;

/**
 * Logs one INFO line for each minute in which events were dropped or dead-lettered, from its own daemon thread,
 * never on a calling thread; a quiet minute logs nothing.
 *
 * <pre>
 * auditweave in the last minute: dropped 12 (QUEUE_FULL 12), dead-lettered 1; since start: captured 5100, delivered 5087, dropped 12, dead-lettered 1, failed 0
 * </pre>
 */
public final class LossReporter {

    private static final Logger LOG = Loggers.get(LossReporter.class);

    private final Supplier<AuditweaveMetrics> metrics;
    private AuditweaveMetrics last;
    private ScheduledExecutorService scheduler;

    public LossReporter(Supplier<AuditweaveMetrics> metrics) {
        this.metrics = metrics;
        this.last = metrics.get();
    }

    /** Starts reporting every {@code periodSeconds} (60 in production). */
    public synchronized LossReporter start(long periodSeconds) {
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "auditweave-metrics");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleAtFixedRate(this::report, periodSeconds, periodSeconds, TimeUnit.SECONDS);
        return this;
    }

    /**
     * Runs {@code task} once on the reporter's daemon thread, soon: for start-up work that must not delay the
     * application, such as initialising JMX (a quarter of a second) to register the MBeans.
     */
    public synchronized void execute(Runnable task) {
        if (scheduler != null) {
            scheduler.execute(task);
        }
    }

    /** Stops reporting, waiting (briefly) for a task in progress to end. */
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            try {
                scheduler.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void report() {
        try {
            summary().ifPresent(line -> LOG.info("{}", line));
        } catch (RuntimeException e) {
            LOG.debug("auditweave: metrics summary failed", e);
        }
    }

    /** The line for the period since the previous call, if anything was dropped or dead-lettered in it. */
    public synchronized Optional<String> summary() {
        AuditweaveMetrics now = metrics.get();
        AuditweaveMetrics before = last;
        last = now;
        long dropped = now.dropped() - before.dropped();
        long deadLettered = now.deadLettered() - before.deadLettered();
        if (dropped <= 0 && deadLettered <= 0) {
            return Optional.empty();
        }
        StringJoiner reasons = new StringJoiner(", ", " (", ")").setEmptyValue("");
        now.droppedByReason().forEach((reason, count) -> {
            long delta = count - before.droppedByReason().getOrDefault(reason, 0L);
            if (delta > 0) {
                reasons.add(reason + " " + delta);
            }
        });
        return Optional.of("auditweave in the last minute: dropped " + dropped + reasons + ", dead-lettered "
                + deadLettered + "; since start: captured " + now.captured() + ", delivered " + now.delivered()
                + ", dropped " + now.dropped() + ", dead-lettered " + now.deadLettered() + ", failed " + now.failed());
    }
}
