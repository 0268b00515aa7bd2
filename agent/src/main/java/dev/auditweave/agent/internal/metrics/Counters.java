package dev.auditweave.agent.internal.metrics;

import dev.auditweave.agent.metrics.AuditweaveMetrics;
import dev.auditweave.agent.metrics.DropReason;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * The runtime's counters. {@link LongAdder} because callers on many threads increment {@code captured}
 * concurrently and must not contend on one cache line.
 *
 * <p>The runtime holds one root instance; each sink's dispatcher gets a {@link #forSink() child} that counts its own
 * events and adds them to the root as well, so that both {@code Auditweave.metrics()} and
 * {@code Auditweave.metrics("abuse")} are plain reads.
 *
 * <pre>{@code
 * Counters all = new Counters();
 * Counters abuse = all.forSink();
 * abuse.delivered(3);                       // all.snapshot().delivered() == 3 as well
 * abuse.dropped(DropReason.QUEUE_FULL, 1);
 * }</pre>
 */
public final class Counters {

    private static final DropReason[] REASONS = DropReason.values();

    private final Counters parent;
    private final long guardedOutAtStart;
    private final LongAdder captured = new LongAdder();
    private final LongAdder captureErrors = new LongAdder();
    private final LongAdder enqueued = new LongAdder();
    private final LongAdder[] dropped = new LongAdder[REASONS.length];
    private final LongAdder delivered = new LongAdder();
    private final LongAdder retried = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder lost = new LongAdder();
    private final LongAdder spooled = new LongAdder();
    private final LongAdder replayed = new LongAdder();
    private final LongAdder deadLettered = new LongAdder();
    private final LongAdder heldForCommit = new LongAdder();
    private final LongAdder droppedRollback = new LongAdder();
    private final LongAdder enrichFailed = new LongAdder();
    private final LongAdder enrichTimedOut = new LongAdder();

    public Counters() {
        this(null);
    }

    private Counters(Counters parent) {
        this.parent = parent;
        // Guard counters live on the compiled annotations for the JVM's lifetime; a runtime counts from its start.
        this.guardedOutAtStart = parent == null ? GuardCounter.total() : 0;
        for (int i = 0; i < dropped.length; i++) {
            dropped[i] = new LongAdder();
        }
    }

    /** A child for one sink: what it counts is counted here too. */
    public Counters forSink() {
        return new Counters(this);
    }

    /** An event passed its guard and was built. */
    public void captured() {
        captured.increment();
    }

    /**
     * A guard, field, time or key expression threw at run time: that event is not emitted. Also counts an
     * {@code ActorResolver} that threw, whose event is emitted with {@code ACTOR} null.
     */
    public void captureError() {
        captureErrors.increment();
    }

    /** An event entered a sink's queue. */
    public void enqueued() {
        enqueued.increment();
        if (parent != null) {
            parent.enqueued();
        }
    }

    /** An event found a sink's queue full and was dropped: {@code dropped(DropReason.QUEUE_FULL, 1)}. */
    public void dropped() {
        dropped(DropReason.QUEUE_FULL, 1);
    }

    /** Events dropped for {@code reason}. */
    public void dropped(DropReason reason, int events) {
        dropped[reason.ordinal()].add(events);
        if (parent != null) {
            parent.dropped(reason, events);
        }
    }

    public void delivered(int events) {
        delivered.add(events);
        if (parent != null) {
            parent.delivered(events);
        }
    }

    /** A batch is being sent again after a retryable failure. */
    public void retried() {
        retried.increment();
        if (parent != null) {
            parent.retried();
        }
    }

    /** Events given up: rejected by the endpoint, unserialisable, or out of retries. */
    public void failed(int events) {
        failed.add(events);
        if (parent != null) {
            parent.failed(events);
        }
    }

    /** Events still queued when the shutdown deadline passed. */
    public void lost(int events) {
        lost.add(events);
        if (parent != null) {
            parent.lost(events);
        }
    }

    /** Events written to the spool directory. */
    public void spooled(int events) {
        spooled.add(events);
        if (parent != null) {
            parent.spooled(events);
        }
    }

    /** Events read back from the spool and handed to their sink again. */
    public void replayed(int events) {
        replayed.add(events);
        if (parent != null) {
            parent.replayed(events);
        }
    }

    /** Poison events set aside (refused for good by the endpoint, or too large). */
    public void deadLettered(int events) {
        deadLettered.add(events);
        if (parent != null) {
            parent.deadLettered(events);
        }
    }

    /** An event waits for the outcome of the transaction it was captured in. */
    public void heldForCommit() {
        heldForCommit.increment();
    }

    /** Events that waited for a transaction which did not commit: rightly never sent. */
    public void droppedRollback(int events) {
        droppedRollback.add(events);
    }

    /** An enricher threw or was not found: the event goes on without its fields. */
    public void enrichFailed() {
        enrichFailed.increment();
    }

    /** An enricher ran out of time (or could not be queued): the event goes on without its fields. */
    public void enrichTimedOut() {
        enrichTimedOut.increment();
    }

    public AuditweaveMetrics snapshot() {
        Map<DropReason, Long> byReason = new EnumMap<>(DropReason.class);
        long droppedTotal = 0;
        for (DropReason reason : REASONS) {
            long count = dropped[reason.ordinal()].sum();
            byReason.put(reason, count);
            droppedTotal += count;
        }
        long guardedOut = parent == null ? GuardCounter.total() - guardedOutAtStart : 0;
        return new AuditweaveMetrics(captured.sum(), captureErrors.sum(), enqueued.sum(), droppedTotal,
                delivered.sum(), retried.sum(), failed.sum(), lost.sum(), guardedOut, spooled.sum(), replayed.sum(),
                deadLettered.sum(), heldForCommit.sum(), droppedRollback.sum(), enrichFailed.sum(), enrichTimedOut.sum(), byReason);
    }
}
