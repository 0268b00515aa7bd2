package dev.auditweave.agent.metrics;

import java.util.Map;

/**
 * A snapshot of the runtime's counters since start-up, read with {@code Auditweave.metrics()} (all sinks) or
 * {@code Auditweave.metrics("abuse")} (one named sink), and over JMX.
 *
 * <pre>{@code
 * AuditweaveMetrics m = Auditweave.metrics();
 * if (m.dropped() > 0) alert("auditweave dropped " + m.dropped() + " events: " + m.droppedByReason());
 * long phantomsAvoided = m.droppedRollback();   // events of transactions that rolled back
 * }</pre>
 *
 * <p>A call whose guard is false is {@code guardedOut}; every event that passes its guard is {@code captured};
 * per sink whose types it matches it is then {@code enqueued} or {@code dropped}; an enqueued event ends
 * {@code delivered}, {@code deadLettered} (poison: refused by the endpoint for good, or too large), {@code failed}
 * (rejected or out of retries) or {@code lost} (still queued at the shutdown deadline). With several sinks, the
 * per-sink counts add up across sinks. For one sink, {@code captured}, {@code captureErrors} and {@code guardedOut}
 * are 0: they happen before routing.
 *
 * @param captured        events that passed their guard and were built
 * @param captureErrors   evaluations that threw (a guard or field expression, e.g. a throwing getter; that event is
 *                        not emitted), {@code ACTOR} resolvers that threw (the event is emitted with a null actor),
 *                        and event taps that threw (the event is delivered regardless)
 * @param enqueued        events accepted into a sink's queue
 * @param dropped         events dropped, for every reason of {@code droppedByReason}
 * @param delivered       events a sink confirmed
 * @param retried         batch re-sends after a retryable failure
 * @param failed          events given up: rejected by the endpoint, unserialisable, or out of retries
 * @param lost            events still queued when the shutdown deadline passed
 * @param guardedOut      calls of an annotated method whose guard was false (or null): nothing to emit
 * @param spooled         events written to the spool directory
 * @param replayed        events read back from the spool and handed to their sink again
 * @param deadLettered    poison events set aside: refused by the endpoint for good (400/422 after bisecting) or
 *                        larger than {@code auditweave.event.max-bytes}
 * @param heldForCommit   events that waited for a transaction's outcome (sent on commit, else
 *                        {@code droppedRollback}); 0 per sink
 * @param droppedRollback events that waited for a transaction that rolled back, was marked rollback-only or failed
 *                        to commit (or was rolled back to a savepoint): rightly never sent, so not counted in
 *                        {@code dropped}, which counts losses; 0 per sink
 * @param enrichFailed    enrichers that threw (or were not found) for an event, which was then sent without their
 *                        fields; 0 per sink
 * @param enrichTimedOut  enrichers that ran out of {@code auditweave.enrich.timeout-ms} (or found the enrichment
 *                        queue full), the event sent without their fields; 0 per sink
 * @param droppedByReason events dropped, per reason; every reason present, 0 when none
 */
public record AuditweaveMetrics(long captured, long captureErrors, long enqueued, long dropped,
                                long delivered, long retried, long failed, long lost,
                                long guardedOut, long spooled, long replayed, long deadLettered,
                                long heldForCommit, long droppedRollback, long enrichFailed, long enrichTimedOut,
                                Map<DropReason, Long> droppedByReason) {


    public AuditweaveMetrics {
        java.util.EnumMap<DropReason, Long> ordered = new java.util.EnumMap<>(DropReason.class);
        ordered.putAll(droppedByReason);
        droppedByReason = java.util.Collections.unmodifiableMap(ordered);
    }
}
