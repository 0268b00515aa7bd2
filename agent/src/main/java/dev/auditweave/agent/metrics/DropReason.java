package dev.auditweave.agent.metrics;

/** Why an event was dropped: counted per reason, {@link AuditweaveMetrics#dropped()} is their total. */
public enum DropReason {
    /** A sink's queue was full (and no spool took the event). */
    QUEUE_FULL,
    /** The spool directory was at its size limit. */
    SPOOL_FULL,
    /** Writing to the spool failed. */
    SPOOL_ERROR,
    /** A poison event could not be dead-lettered, because no spool directory is configured. */
    POISON_NO_SPOOL,
    /** Still queued at the shutdown deadline and not spooled. */
    SHUTDOWN
}
