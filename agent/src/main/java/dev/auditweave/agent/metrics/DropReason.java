package dev.auditweave.agent.metrics;

/** Why an event was dropped, i.e. will never be delivered and is not on disk either. */
public enum DropReason {
    /** The sink's queue was full (and, with a spool, so was the overflow ring its writer drains). */
    QUEUE_FULL,
    /** The spool already held {@code auditweave.spool.max-bytes}. */
    SPOOL_FULL,
    /** Writing or reading the spool failed (I/O error, disk full, a corrupt record skipped on replay). */
    SPOOL_ERROR,
    /** The endpoint refused the event for good and there is no spool directory for a dead-letter file. */
    POISON_NO_SPOOL,
    /** Offered after shutdown had begun. */
    SHUTDOWN,
    /**
     * The transaction already held {@code auditweave.transaction.max-events} events. Counted once, before routing,
     * so only in the totals of {@code Auditweave.metrics()}.
     */
    TRANSACTION_FULL
}
