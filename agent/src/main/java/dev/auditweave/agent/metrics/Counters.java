package dev.auditweave.agent.metrics;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * The runtime's counters. {@link LongAdder} because callers on many threads increment {@code captured}
 * concurrently and must not contend on one cache line.
 */
public final class Counters {

    private final LongAdder captured = new LongAdder();
    private final LongAdder captureErrors = new LongAdder();
    private final LongAdder enqueued = new LongAdder();
    private final LongAdder delivered = new LongAdder();
    private final LongAdder retried = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder lost = new LongAdder();
    private final LongAdder spooled = new LongAdder();
    private final LongAdder replayed = new LongAdder();
    private final LongAdder deadLettered = new LongAdder();
    private final Map<DropReason, LongAdder> dropped = new EnumMap<>(DropReason.class);

    public Counters() {
        for (DropReason reason : DropReason.values()) {
            dropped.put(reason, new LongAdder());
        }
    }

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
        dropped(DropReason.QUEUE_FULL, 1);
    }

    /** Events dropped for {@code reason}: never delivered, not on disk either. */
    public void dropped(DropReason reason, int events) {
        dropped.get(reason).add(events);
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

    /** Events the spool now holds durably (written and fsynced). */
    public void spooled(int events) {
        spooled.add(events);
    }

    /** Events read back from the spool and confirmed by the sink (also counted as delivered). */
    public void replayed(int events) {
        replayed.add(events);
    }

    /** Events the endpoint refused for good, written to the sink's dead-letter file. */
    public void deadLettered(int events) {
        deadLettered.add(events);
    }

    public AuditweaveMetrics snapshot() {
        Map<DropReason, Long> byReason = new EnumMap<>(DropReason.class);
        long droppedTotal = 0;
        for (Map.Entry<DropReason, LongAdder> entry : dropped.entrySet()) {
            long count = entry.getValue().sum();
            byReason.put(entry.getKey(), count);
            droppedTotal += count;
        }
        return new AuditweaveMetrics(captured.sum(), captureErrors.sum(), enqueued.sum(), droppedTotal,
                delivered.sum(), retried.sum(), failed.sum(), lost.sum(), spooled.sum(), replayed.sum(),
                deadLettered.sum(), Collections.unmodifiableMap(byReason));
    }
}
