package dev.auditweave.agent.dispatch;

import dev.auditweave.agent.event.Event;
import dev.auditweave.agent.log.Loggers;
import dev.auditweave.agent.log.RateLimitedLogger;
import dev.auditweave.agent.metrics.DropReason;
import dev.auditweave.agent.metrics.Ledger;
import dev.auditweave.agent.sink.SendResult;
import dev.auditweave.agent.sink.Sink;
import dev.auditweave.agent.spool.Spool;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Sends batches to the sink and settles their outcome: the attempts and backoff of a batch held in memory (waits
 * measured by a {@link Ticker}, spent in a {@link Sleeper}), partial results (what was delivered, what is poison)
 * and the dead letters. Worker thread only; the one moment it shares is whether a send is running, and since when.
 */
final class BatchSender {

    private static final RateLimitedLogger WARN = new RateLimitedLogger(Loggers.get(BatchSender.class), 60);

    private final Sink sink;
    private final DeliveryPolicy policy;
    private final Ledger ledger;
    private final Spool spool;
    private final Ticker ticker;
    private final Sleeper sleeper;

    private volatile boolean inSend;
    /** When the current send began ({@link Ticker#nanoTime()}, lowest bit set), or 0 when none is running. */
    private volatile long sendStartedAt;

    /** @param spool where dead letters go, or {@code null}: poison is then dropped ({@code POISON_NO_SPOOL}) */
    BatchSender(Sink sink, DeliveryPolicy policy, Ledger ledger, Spool spool, Ticker ticker, Sleeper sleeper) {
        this.sink = sink;
        this.policy = policy;
        this.ledger = ledger;
        this.spool = spool;
        this.ticker = ticker;
        this.sleeper = sleeper;
    }

    boolean inSend() {
        return inSend;
    }

    /** Whether a send has been running for longer than {@code nanos}. From any thread. */
    boolean sendRunningLongerThan(long nanos) {
        long started = sendStartedAt;
        return started != 0 && ticker.nanoTime() - started > nanos;
    }

    /** One attempt. A sink that throws is a rejection: retrying the same batch would fail the same way. */
    SendResult send(List<Event> batch) {
        inSend = true;
        sendStartedAt = ticker.nanoTime() | 1;
        try {
            return sink.send(batch);
        } catch (RuntimeException e) {
            return new SendResult.Rejected("the sink threw " + e);
        } finally {
            sendStartedAt = 0;
            inSend = false;
            // An interrupt only ever means "stop waiting for this send" (shutdown); parking must work after it.
            Thread.interrupted();
        }
    }

    /**
     * Without a spool: sends {@code batch} (held in {@code custody}) until it is settled, retrying a retryable failure
     * after the backoff up to {@code maxAttempts}, and not past {@code deadline} (a ticker value, read at each step:
     * shutdown moves it). {@code retryable} is told the first retryable failure instead, and ends it, when it takes
     * the batch ({@link SpoolMode}).
     */
    void deliver(List<Event> batch, Custody custody, LongSupplier deadline, RetryableHandler retryable) {
        for (int attempt = 1; ; attempt++) {
            SendResult result = send(batch);
            if (!custody.claim()) {
                return;
            }
            if (!(result instanceof SendResult.Retry retry)) {
                settle(batch, result, false);
                return;
            }
            if (retryable != null && retryable.take(batch, retry)) {
                return;
            }
            long wait = policy.backoff().delay(attempt, retry.retryAfter()).toNanos();
            if (attempt >= policy.maxAttempts() || ticker.nanoTime() + wait > deadline.getAsLong()) {
                ledger.failed(batch);
                WARN.warn("gave-up|" + sink.name(), "auditweave: sink {} gave up a batch of {} events after {}"
                        + " attempts: {}", sink.name(), batch.size(), attempt, retry.reason());
                return;
            }
            ledger.retried();
            if (!custody.hold(batch)) {
                return;
            }
            sleepUntil(ticker.nanoTime() + wait, deadline);
        }
    }

    /** A batch is being sent again (a replay from the spool after a retryable failure). */
    void retried() {
        ledger.retried();
    }

    /** Takes a batch whose send failed with a retryable error; whether it did. */
    @FunctionalInterface
    interface RetryableHandler {
        boolean take(List<Event> batch, SendResult.Retry retry);
    }

    /**
     * Records a final outcome (anything but {@link SendResult.Retry}): delivered, delivered in part with the rest
     * poison, or rejected. Poison and rejected events are dead-lettered when there is a spool.
     */
    void settle(List<Event> batch, SendResult result, boolean replay) {
        if (result instanceof SendResult.Delivered) {
            ledger.delivered(batch, replay);
            return;
        }
        if (result instanceof SendResult.Partial partial) {
            Set<Event> poisoned = Collections.newSetFromMap(new IdentityHashMap<>());
            partial.poisoned().forEach(poison -> poisoned.add(poison.event()));
            List<Event> delivered = new ArrayList<>(batch.size());
            for (Event event : batch) {
                if (!poisoned.contains(event)) {
                    delivered.add(event);
                }
            }
            ledger.delivered(delivered, replay);
            poison(partial.poisoned());
            return;
        }
        SendResult.Rejected rejected = (SendResult.Rejected) result;
        WARN.warn("rejected|" + sink.name(), "auditweave: sink {} rejected a batch of {} events: {}",
                sink.name(), batch.size(), rejected.reason());
        if (spool == null) {
            ledger.failed(batch);
            return;
        }
        List<SendResult.Poison> all = new ArrayList<>(batch.size());
        batch.forEach(event -> all.add(new SendResult.Poison(event, rejected.reason())));
        spool.deadLetter(all);
    }

    private void poison(List<SendResult.Poison> poisoned) {
        if (poisoned.isEmpty()) {
            return;
        }
        if (spool == null) {
            ledger.dropped(DropReason.POISON_NO_SPOOL, poisoned.stream().map(SendResult.Poison::event).toList());
            WARN.warn("poison|" + sink.name(), "auditweave: sink {} refused {} events for good (first: {}); no spool"
                    + " directory for a dead-letter file, they are dropped", sink.name(), poisoned.size(),
                    poisoned.get(0).reason());
            return;
        }
        spool.deadLetter(poisoned);
        WARN.warn("poison|" + sink.name(), "auditweave: sink {} refused {} events for good (first: {}); written to {}",
                sink.name(), poisoned.size(), poisoned.get(0).reason(), spool.directory().resolve("dead-letter.jsonl"));
    }

    /** Waits until {@code until}, or the deadline if sooner (shutdown may bring it forward and wake the worker). */
    private void sleepUntil(long until, LongSupplier deadline) {
        long remaining;
        while ((remaining = Math.min(until, deadline.getAsLong()) - ticker.nanoTime()) > 0) {
            sleeper.sleep(remaining);
        }
    }
}
