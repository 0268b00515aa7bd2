package dev.auditweave.agent.internal.dispatch;

import dev.auditweave.agent.internal.event.Event;
import dev.auditweave.agent.internal.log.Loggers;
import dev.auditweave.agent.internal.log.RateLimitedLogger;
import dev.auditweave.agent.internal.spool.Spool;
import dev.auditweave.agent.spi.SendResult;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The worker's disk mode, with a spool: a batch whose send fails with a retryable error goes to disk at once; while
 * the spool holds anything, what the worker takes from the queue goes behind it; and the spool's oldest batch is
 * replayed whenever the backoff allows, without an attempt limit. Worker thread only.
 */
final class SpoolMode {

    private static final RateLimitedLogger WARN = new RateLimitedLogger(Loggers.get(SpoolMode.class), 60);
    /** How long the worker waits for the spool writer to catch up before it looks again. */
    static final long SPOOL_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(2);
    /** The spool's writer may hold at most this many events handed over before the worker waits for it. */
    private static final long MIN_PENDING_LIMIT = 16_384;

    private final Spool spool;
    private final String sink;
    private final DeliveryPolicy policy;
    private final Ticker ticker;
    private final long pendingLimit;

    /** The events of the spool's oldest batch that an earlier replay settled, recorded when it is acknowledged. */
    private final Set<String> settledAtHead = new HashSet<>();
    private final List<Event> deliveredAtHead = new ArrayList<>();
    private final List<SendResult.Poison> poisonAtHead = new ArrayList<>();
    private int replayFailures;
    private long nextReplayAt;

    SpoolMode(Spool spool, String sink, DeliveryPolicy policy, Ticker ticker) {
        this.spool = spool;
        this.sink = sink;
        this.policy = policy;
        this.ticker = ticker;
        this.pendingLimit = Math.max(MIN_PENDING_LIMIT, 4L * policy.maxBatchEvents());
    }

    Spool spool() {
        return spool;
    }

    boolean hasBacklog() {
        return spool.hasBacklog();
    }

    /** Whether a replay failed last time (the endpoint is failing). */
    boolean failing() {
        return replayFailures > 0;
    }

    /** How long until the next replay may be tried, in nanoseconds (0 or less: now). */
    long untilNextReplay() {
        return nextReplayAt - ticker.nanoTime();
    }

    /**
     * Hands {@code batch} (already claimed from custody) to the spool and clears it, first waiting while the spool's
     * writer is far behind (not past {@code deadline}).
     */
    void spill(List<Event> batch, long deadline) {
        if (batch.isEmpty()) {
            return;
        }
        while (spool.pendingEvents() > pendingLimit && spool.writerAlive() && ticker.nanoTime() < deadline) {
            LockSupport.parkNanos(this, SPOOL_WAIT_NANOS);
            Thread.interrupted();
        }
        spool.append(batch);
        batch.clear();
    }

    /** Moves everything queued to the spool, a batch at a time, through {@code custody}. */
    void spillQueue(Custody custody, long deadline) {
        List<Event> chunk = new ArrayList<>(policy.maxBatchEvents());
        while (custody.drain(chunk, policy.maxBatchEvents()) && !chunk.isEmpty()) {
            if (!custody.claim()) {
                return;
            }
            spill(chunk, deadline);
        }
    }

    /** A retryable failure of a batch sent from memory: it goes to disk and is retried from there. */
    boolean takeFailed(List<Event> batch, SendResult.Retry retry) {
        spool.append(batch);
        replayFailures = 1;
        nextReplayAt = ticker.nanoTime() + policy.backoff().delay(1, retry.retryAfter()).toNanos();
        WARN.warn("spilled|" + sink, "auditweave: sink {} failed ({}); spooling to {} and replaying with backoff",
                sink, retry.reason(), spool.directory());
        return true;
    }

    /**
     * Sends the spool's oldest batch if the backoff allows; returns whether it tried. The spool acknowledges whole
     * batches only: events of that batch that an earlier attempt settled ({@link SendResult.RetryRest}) are left out
     * of the next attempts, and recorded when the batch is acknowledged, so that until then they are on disk and
     * nowhere else (after a restart they are sent again: at least once).
     */
    boolean replayOnce(BatchSender sender) {
        if (replayFailures > 0 && ticker.nanoTime() - nextReplayAt < 0) {
            return false;
        }
        List<Event> events = spool.read(policy.maxBatchEvents());
        if (events.isEmpty()) {
            return false;
        }
        List<Event> unsettled = unsettled(events);
        SendResult result = unsettled.isEmpty() ? SendResult.delivered() : sender.send(unsettled);
        if (result instanceof SendResult.RetryRest retryRest) {
            BatchSender.Progress progress = sender.progress(unsettled, retryRest);
            deliveredAtHead.addAll(progress.delivered());
            poisonAtHead.addAll(progress.poisoned());
            progress.delivered().forEach(event -> settledAtHead.add(event.id()));
            progress.poisoned().forEach(poison -> settledAtHead.add(poison.event().id()));
            unsettled = progress.rest();
            result = unsettled.isEmpty() ? SendResult.delivered() : retryRest.retry();
        }
        if (result instanceof SendResult.Retry retry) {
            spool.rewind();
            replayFailures++;
            sender.retried();
            nextReplayAt = ticker.nanoTime() + policy.backoff().delay(replayFailures, retry.retryAfter()).toNanos();
            WARN.warn("replay-failed|" + sink, "auditweave: sink {} is failing ({}); {} bytes spooled in {},"
                    + " replay is retried with backoff", sink, retry.reason(), spool.bytes(), spool.directory());
            return true;
        }
        replayFailures = 0;
        sender.record(new BatchSender.Progress(List.copyOf(deliveredAtHead), List.copyOf(poisonAtHead), List.of()),
                true);
        if (!unsettled.isEmpty()) {
            sender.settle(unsettled, result, true);
        }
        spool.ack();
        settledAtHead.clear();
        deliveredAtHead.clear();
        poisonAtHead.clear();
        return true;
    }

    private List<Event> unsettled(List<Event> events) {
        if (settledAtHead.isEmpty()) {
            return events;
        }
        List<Event> unsettled = new ArrayList<>(events.size());
        for (Event event : events) {
            if (!settledAtHead.contains(event.id())) {
                unsettled.add(event);
            }
        }
        return unsettled;
    }
}
