package dev.auditweave.agent.metrics;

import java.util.Map;

/**
 * The counters over JMX: {@code dev.auditweave:type=Auditweave} for all sinks, {@code dev.auditweave:type=Sink,name=abuse}
 * per sink. Read-only; each read takes a fresh snapshot. See {@link AuditweaveMetrics} for what each counts.
 */
public interface AuditweaveMXBean {

    long getCaptured();

    long getCaptureErrors();

    long getGuardedOut();

    long getEnqueued();

    long getDelivered();

    long getRetried();

    long getFailed();

    long getLost();

    long getSpooled();

    long getReplayed();

    long getDeadLettered();

    /** Events that waited for a transaction's outcome; 0 per sink. */
    long getHeldForCommit();

    /** Events of transactions that did not commit: rightly never sent, not counted in {@code Dropped}. */
    long getDroppedRollback();

    /** Enrichers that threw or were not found; 0 per sink. */
    long getEnrichFailed();

    /** Enrichers that ran out of time, or events that found the enrichment queue full; 0 per sink. */
    long getEnrichTimedOut();

    /** The total of {@link #getDroppedByReason()}. */
    long getDropped();

    /** Events dropped, per {@link DropReason} name. */
    Map<String, Long> getDroppedByReason();
}
