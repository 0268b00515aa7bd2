package dev.auditweave.agent.metrics;

import java.util.Map;

/**
 * A snapshot of the runtime's counters since start-up, read with {@code Auditweave.metrics()}.
 *
 * <pre>{@code
 * AuditweaveMetrics m = Auditweave.metrics();
 * if (m.dropped() > 0) alert("auditweave dropped " + m.droppedByReason());
 * }</pre>
 *
 * <p>Every event that passes its guard is {@code captured}; per sink it is then {@code enqueued}, spilled to the
 * spool (queue full, spool on) or {@code dropped}; an event ends {@code delivered}, {@code spooled} (on disk,
 * replayed later: then also {@code replayed} and {@code delivered}), {@code deadLettered}, {@code failed}
 * (rejected or out of retries, no spool) or {@code lost} (still queued at the shutdown deadline). With several
 * sinks, the per-sink counts add up across sinks.
 *
 * @param captured        events that passed their guard and were built
 * @param captureErrors   evaluations that threw (a guard or field expression, e.g. a throwing getter)
 * @param enqueued        events accepted into a sink's queue
 * @param dropped         events dropped for any reason: the sum of {@code droppedByReason}
 * @param delivered       events a sink confirmed, replayed ones included
 * @param retried         batch re-sends after a retryable failure (replay attempts included)
 * @param failed          events given up: rejected by the endpoint, unserialisable, or out of retries
 * @param lost            events still queued when the shutdown deadline passed
 * @param spooled         events written to the spool and fsynced
 * @param replayed        events read back from the spool and confirmed by the sink
 * @param deadLettered    events the endpoint refused for good, written to the dead-letter file
 * @param droppedByReason the drops per {@link DropReason}, every reason present
 */
public record AuditweaveMetrics(long captured, long captureErrors, long enqueued, long dropped,
                                long delivered, long retried, long failed, long lost,
                                long spooled, long replayed, long deadLettered,
                                Map<DropReason, Long> droppedByReason) {
}
