package dev.auditweave.agent.metrics;

/**
 * A snapshot of the runtime's counters since start-up, read with {@code Auditweave.metrics()}.
 *
 * <pre>{@code
 * AuditweaveMetrics m = Auditweave.metrics();
 * if (m.dropped() > 0) alert("auditweave queue overflowed " + m.dropped() + " times");
 * }</pre>
 *
 * <p>Every event that passes its guard is {@code captured}; per sink it is then {@code enqueued} or
 * {@code dropped} (queue full); an enqueued event ends {@code delivered}, {@code failed} (rejected or out of
 * retries) or {@code lost} (still queued at the shutdown deadline). With several sinks, the per-sink counts
 * add up across sinks.
 *
 * @param captured      events that passed their guard and were built
 * @param captureErrors evaluations that threw (a guard or field expression, e.g. a throwing getter)
 * @param enqueued      events accepted into a sink's queue
 * @param dropped       events refused because a sink's queue was full
 * @param delivered     events a sink confirmed
 * @param retried       batch re-sends after a retryable failure
 * @param failed        events given up: rejected by the endpoint, unserialisable, or out of retries
 * @param lost          events still queued when the shutdown deadline passed
 */
public record AuditweaveMetrics(long captured, long captureErrors, long enqueued, long dropped,
                                long delivered, long retried, long failed, long lost) {
}
