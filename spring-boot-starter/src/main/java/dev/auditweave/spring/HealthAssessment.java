package dev.auditweave.spring;

import dev.auditweave.agent.Auditweave;
import dev.auditweave.agent.metrics.AuditweaveMetrics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The health of auditweave's delivery, for the Boot 3 and Boot 4 health indicators alike. A sink is failing when,
 * since the previous check, batches failed or were retried and none was delivered; its spool has a backlog when
 * more than {@code spoolBacklogThreshold} events are on disk waiting for replay (spooled less replayed and
 * dead-lettered, an estimate from the counters). Either makes the whole indicator DOWN.
 */
final class HealthAssessment {

    /** The verdict and the details per sink. */
    record Result(boolean up, Map<String, Object> details) {
    }

    private final long spoolBacklogThreshold;
    private final Supplier<List<String>> sinks;
    private final Function<String, AuditweaveMetrics> metrics;
    private final Map<String, AuditweaveMetrics> previous = new ConcurrentHashMap<>();

    /** Reads the running instance through the {@link Auditweave} facade. */
    HealthAssessment(long spoolBacklogThreshold) {
        this(spoolBacklogThreshold, Auditweave::sinkNames, Auditweave::metrics);
    }

    HealthAssessment(long spoolBacklogThreshold, Supplier<List<String>> sinks,
                     Function<String, AuditweaveMetrics> metrics) {
        this.spoolBacklogThreshold = spoolBacklogThreshold;
        this.sinks = sinks;
        this.metrics = metrics;
    }

    synchronized Result assess() {
        boolean up = true;
        Map<String, Object> details = new LinkedHashMap<>();
        for (String sink : sinks.get()) {
            AuditweaveMetrics now;
            try {
                now = metrics.apply(sink);
            } catch (IllegalArgumentException restarted) {
                continue;
            }
            AuditweaveMetrics before = previous.put(sink, now);
            long failed = now.failed() - (before == null ? 0 : before.failed());
            long retried = now.retried() - (before == null ? 0 : before.retried());
            long delivered = now.delivered() - (before == null ? 0 : before.delivered());
            long backlog = Math.max(0, now.spooled() - now.replayed() - now.deadLettered());
            boolean failing = (failed > 0 || retried > 0) && delivered == 0;
            boolean backlogged = backlog > spoolBacklogThreshold;
            String status = failing ? "failing" : backlogged ? "spool backlog" : "ok";
            up &= !failing && !backlogged;
            Map<String, Object> sinkDetails = new LinkedHashMap<>();
            sinkDetails.put("status", status);
            sinkDetails.put("deliveredSinceLastCheck", delivered);
            sinkDetails.put("failedSinceLastCheck", failed);
            sinkDetails.put("retriedSinceLastCheck", retried);
            sinkDetails.put("delivered", now.delivered());
            sinkDetails.put("failed", now.failed());
            sinkDetails.put("dropped", now.dropped());
            sinkDetails.put("lost", now.lost());
            sinkDetails.put("spoolBacklog", backlog);
            details.put(sink, sinkDetails);
        }
        return new Result(up, details);
    }
}
