package dev.auditweave.agent.internal.dispatch;

import dev.auditweave.agent.internal.event.Event;
import dev.auditweave.agent.internal.log.Loggers;
import dev.auditweave.agent.internal.log.RateLimitedLogger;
import dev.auditweave.agent.internal.metrics.Ledger;
import dev.auditweave.agent.internal.spool.Spool;
import dev.auditweave.agent.metrics.DropReason;
import dev.auditweave.agent.spi.SendResult;
import dev.auditweave.agent.spi.Sink;
import dev.auditweave.agent.spi.SinkEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Sends batches to the sink and settles their outcome: the attempts and backoff of a batch held in memory (waits
 * measured by a {@link Ticker}, spent in a {@link Sleeper}), partial results (what was delivered, what is poison)
 * and the dead letters. Worker thread only; the one moment it shares is whether a send is running, and since when.
 */
final class BatchSender {

    private static final RateLimitedLogger WARN = new RateLimitedLogger(Loggers.get(BatchSender.class), 60);

    private final String name;
    private final Sink sink;
    private final DeliveryPolicy policy;
    private final Ledger ledger;
    private final Spool spool;
    private final Ticker ticker;
    private final Sleeper sleeper;

    private volatile boolean inSend;
    /** When the current send began ({@link Ticker#nanoTime()}, lowest bit set), or 0 when none is running. */
    private volatile long sendStartedAt;

    /**
     * @param name  the sink's name, for the log
     * @param spool where dead letters go, or {@code null}: poison is then dropped ({@code POISON_NO_SPOOL})
     */
    BatchSender(String name, Sink sink, DeliveryPolicy policy, Ledger ledger, Spool spool, Ticker ticker,
                Sleeper sleeper) {
        this.name = name;
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

    /**
     * One attempt, with the batch as an unmodifiable view (the sink may keep it). A sink that throws, or answers
     * {@code null}, is a rejection: retrying the same batch would fail the same way. Linkage errors count too, since
     * a sink of the application may miss a class at run time; only the JVM's own errors pass.
     */
    SendResult send(List<Event> batch) {
        inSend = true;
        sendStartedAt = ticker.nanoTime() | 1;
        try {
            SendResult result = sink.send(Collections.unmodifiableList(batch));
            return result != null ? result : new SendResult.Rejected("the sink " + sink.getClass().getName()
                    + " returned null instead of a SendResult");
        } catch (RuntimeException | LinkageError | AssertionError e) {
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
     * shutdown moves it). After a {@link SendResult.RetryRest} the settled events are recorded at once and only the
     * rest is sent again. {@code retryable} is told the first retryable failure instead, and ends it, when it takes
     * the batch ({@link SpoolMode}).
     */
    void deliver(List<Event> batch, Custody custody, LongSupplier deadline, RetryableHandler retryable) {
        for (int attempt = 1; ; attempt++) {
            SendResult result = send(batch);
            if (!custody.claim()) {
                return;
            }
            if (result instanceof SendResult.RetryRest retryRest) {
                Progress progress = progress(batch, retryRest);
                record(progress, false);
                batch = progress.rest();
                if (batch.isEmpty()) {
                    return;
                }
                result = retryRest.retry();
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
                WARN.warn("gave-up|" + name, "auditweave: sink {} gave up a batch of {} events after {}"
                        + " attempts: {}", name, batch.size(), attempt, retry.reason());
                return;
            }
            ledger.retried();
            if (!custody.hold(batch)) {
                // Shutdown gave up after this worker claimed the batch: nobody else will record it.
                ledger.lost(batch);
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

    /** What a {@link SendResult.RetryRest} settled of a batch, and the rest of it, in order. */
    record Progress(List<Event> delivered, List<SendResult.Poison> poisoned, List<Event> rest) {
    }

    /** Splits {@code batch} by what {@code retryRest} settled; records nothing. */
    Progress progress(List<Event> batch, SendResult.RetryRest retryRest) {
        List<SendResult.Poison> poisoned = ofBatch(batch, retryRest.poisoned());
        Map<SinkEvent, Boolean> settled = new IdentityHashMap<>();
        poisoned.forEach(poison -> settled.put(poison.event(), Boolean.FALSE));
        retryRest.delivered().forEach(event -> settled.putIfAbsent(event, Boolean.TRUE));
        List<Event> delivered = new ArrayList<>();
        List<Event> rest = new ArrayList<>(batch.size());
        for (Event event : batch) {
            Boolean outcome = settled.get(event);
            if (outcome == null) {
                rest.add(event);
            } else if (outcome) {
                delivered.add(event);
            }
        }
        return new Progress(delivered, poisoned, rest);
    }

    /** Records what a {@link Progress} settled: delivered, and poison dead-lettered (or dropped without a spool). */
    void record(Progress progress, boolean replay) {
        ledger.delivered(progress.delivered(), replay);
        poison(progress.poisoned());
    }

    /**
     * Records a final outcome (anything but {@link SendResult.Retry} and {@link SendResult.RetryRest}): delivered,
     * delivered in part with the rest poison, or rejected. Poison and rejected events are dead-lettered when there is
     * a spool.
     */
    void settle(List<Event> batch, SendResult result, boolean replay) {
        if (result instanceof SendResult.Delivered) {
            ledger.delivered(batch, replay);
            return;
        }
        if (result instanceof SendResult.Partial partial) {
            List<SendResult.Poison> poisoned = ofBatch(batch, partial.poisoned());
            Map<SinkEvent, Boolean> refused = new IdentityHashMap<>();
            poisoned.forEach(poison -> refused.put(poison.event(), Boolean.TRUE));
            List<Event> delivered = new ArrayList<>(batch.size());
            for (Event event : batch) {
                if (!refused.containsKey(event)) {
                    delivered.add(event);
                }
            }
            ledger.delivered(delivered, replay);
            poison(poisoned);
            return;
        }
        SendResult.Rejected rejected = (SendResult.Rejected) result;
        WARN.warn("rejected|" + name, "auditweave: sink {} rejected a batch of {} events: {}",
                name, batch.size(), rejected.reason());
        if (spool == null) {
            ledger.failed(batch);
            return;
        }
        List<SendResult.Poison> all = new ArrayList<>(batch.size());
        batch.forEach(event -> all.add(new SendResult.Poison(event, rejected.reason())));
        spool.deadLetter(all);
    }

    /**
     * The poison of a partial result that is an event of {@code batch}, each once: a sink that names an event it was
     * not given (or one twice) must not make the ledger count an event that is not there, or one twice.
     */
    private List<SendResult.Poison> ofBatch(List<Event> batch, List<SendResult.Poison> poisoned) {
        Map<SinkEvent, Boolean> inBatch = new IdentityHashMap<>();
        batch.forEach(event -> inBatch.put(event, Boolean.FALSE));
        List<SendResult.Poison> kept = new ArrayList<>(poisoned.size());
        int foreign = 0;
        for (SendResult.Poison poison : poisoned) {
            if (inBatch.replace(poison.event(), Boolean.TRUE) == Boolean.FALSE) {
                kept.add(poison);
            } else {
                foreign++;
            }
        }
        if (foreign > 0) {
            WARN.warn("foreign-poison|" + name, "auditweave: sink {} reported {} poison events that are not events of"
                    + " its batch (or twice); they are ignored", name, foreign);
        }
        return kept;
    }

    private void poison(List<SendResult.Poison> poisoned) {
        if (poisoned.isEmpty()) {
            return;
        }
        if (spool == null) {
            ledger.dropped(DropReason.POISON_NO_SPOOL, Spool.eventsOf(poisoned));
            WARN.warn("poison|" + name, "auditweave: sink {} refused {} events for good (first: {}); no spool"
                    + " directory for a dead-letter file, they are dropped", name, poisoned.size(),
                    poisoned.get(0).reason());
            return;
        }
        spool.deadLetter(poisoned);
        WARN.warn("poison|" + name, "auditweave: sink {} refused {} events for good (first: {}); written to {}",
                name, poisoned.size(), poisoned.get(0).reason(), spool.directory().resolve("dead-letter.jsonl"));
    }

    /** Waits until {@code until}, or the deadline if sooner (shutdown may bring it forward and wake the worker). */
    private void sleepUntil(long until, LongSupplier deadline) {
        long remaining;
        while ((remaining = Math.min(until, deadline.getAsLong()) - ticker.nanoTime()) > 0) {
            sleeper.sleep(remaining);
        }
    }
}
