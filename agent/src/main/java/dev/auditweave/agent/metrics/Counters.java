package dev.auditweave.agent.metrics;

import java.util.concurrent.atomic.LongAdder;

/**
 * The runtime's counters. {@link LongAdder} because callers on many threads increment {@code captured}
 * concurrently and must not contend on one cache line.
 */
public final class Counters {

    private final LongAdder captured = new LongAdder();
    private final LongAdder captureErrors = new LongAdder();
    private final LongAdder enqueued = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private final LongAdder delivered = new LongAdder();
    private final LongAdder retried = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder lost = new LongAdder();

    /** An event passed its guard and was built. */
    public void captured() {
        captured.increment();
    }

    /** A guard, field, time or key expression threw at run time: that event is not emitted. */
    public void captureError() {
        captureErrors.increment();
    }

    /** An event entered a sink's queue. */
    public void enqueued() {
        enqueued.increment();
    }

    /** An event found a sink's queue full and was dropped. */
    public void dropped() {
        dropped.increment();
    }

    public void delivered(int events) {
        delivered.add(events);
    }

    /** A batch is being sent again after a retryable failure. */
    public void retried() {
        retried.increment();
    }

    /** Events given up: rejected by the endpoint, unserialisable, or out of retries. */
    public void failed(int events) {
        failed.add(events);
    }

    /** Events still queued when the shutdown deadline passed. */
    public void lost(int events) {
        lost.add(events);
    }

    public AuditweaveMetrics snapshot() {
        return new AuditweaveMetrics(captured.sum(), captureErrors.sum(), enqueued.sum(), dropped.sum(),
                delivered.sum(), retried.sum(), failed.sum(), lost.sum());
    }
}
