package dev.auditweave.agent.dispatch;

import dev.auditweave.agent.event.Event;
import dev.auditweave.agent.log.RateLimitedLogger;
import dev.auditweave.agent.metrics.Counters;
import dev.auditweave.agent.sink.SendResult;
import dev.auditweave.agent.sink.Sink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.jctools.queues.atomic.MpscAtomicArrayQueue;
import org.slf4j.LoggerFactory;

/**
 * One sink's bounded queue and its single daemon worker. Callers only {@link #offer}: a lock-free
 * multi-producer queue, no lock shared with the worker, and a full queue drops rather than blocks. The
 * queue is JCTools' atomic variant: the same algorithm without {@code sun.misc.Unsafe}, which Java 24+
 * warns about on the application's stderr and will later refuse. The
 * worker takes batches by count and by age, sends them, and retries retryable failures with backoff.
 */
public final class Dispatcher {

    private static final RateLimitedLogger WARN = new RateLimitedLogger(LoggerFactory.getLogger(Dispatcher.class), 60);
    /** How long an idle worker sleeps before looking again; callers never pay for waking it. */
    private static final long IDLE_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final Sink sink;
    private final DeliveryPolicy policy;
    private final Counters counters;
    private final TypeFilter filter;
    private final MpscAtomicArrayQueue<Event> queue;
    private final long maxDelayNanos;
    private final Thread worker;
    private final Object flushLock = new Object();

    private volatile boolean parked;
    private volatile boolean stopping;
    private volatile long deadlineNanos = Long.MAX_VALUE;
    private volatile long flushRequested;
    private volatile long flushCompleted;
    private volatile int inFlight;

    public Dispatcher(Sink sink, DeliveryPolicy policy, Counters counters) {
        this(sink, policy, counters, TypeFilter.ALL);
    }

    /**
     * @param counters this sink's counters (a {@link Counters#forSink()} child when there are several sinks)
     * @param filter   the event types this sink receives; {@link Pipeline} routes by it
     */
    public Dispatcher(Sink sink, DeliveryPolicy policy, Counters counters, TypeFilter filter) {
        this.sink = sink;
        this.policy = policy;
        this.counters = counters;
        this.filter = filter;
        this.queue = new MpscAtomicArrayQueue<>(policy.queueCapacity());
        this.maxDelayNanos = policy.maxBatchDelay().toNanos();
        this.worker = new Thread(this::run, "auditweave-dispatch-" + sink.name());
        worker.setDaemon(true);
    }

    public void start() {
        worker.start();
    }

    public Sink sink() {
        return sink;
    }

    /** This sink's counters. */
    public Counters counters() {
        return counters;
    }

    public TypeFilter filter() {
        return filter;
    }

    public DeliveryPolicy policy() {
        return policy;
    }

    /** Enqueues without blocking; {@code false} when the queue is full (the caller counts the drop). */
    public boolean offer(Event event) {
        if (stopping || !queue.offer(event)) {
            return false;
        }
        // Wake the worker only for a full batch, so that a caller pays for an unpark once per batch at most.
        if (parked && queue.size() >= policy.maxBatchEvents()) {
            LockSupport.unpark(worker);
        }
        return true;
    }

    /**
     * Sends what is queued now without waiting for the batch delay, and waits until it is delivered or
     * given up, at most {@code timeout}. Returns whether that happened in time.
     */
    public boolean flush(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long ticket;
        synchronized (flushLock) {
            ticket = ++flushRequested;
        }
        LockSupport.unpark(worker);
        synchronized (flushLock) {
            while (flushCompleted < ticket) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0 || !worker.isAlive()) {
                    return flushCompleted >= ticket;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(flushLock, remaining);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }

    /** Stops accepting, tells the worker to drain by {@code deadlineNanos} (a {@link System#nanoTime()} value). */
    public void beginShutdown(long deadlineNanos) {
        this.deadlineNanos = deadlineNanos;
        this.stopping = true;
        LockSupport.unpark(worker);
    }

    /**
     * Waits for the worker until the deadline; returns how many events it could not deliver in time
     * (still queued or in flight), which the caller reports as lost.
     */
    public int awaitShutdown() {
        long remaining = deadlineNanos - System.nanoTime();
        try {
            if (remaining > 0) {
                worker.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(remaining)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!worker.isAlive()) {
            return 0;
        }
        return queue.size() + inFlight;
    }

    private void run() {
        List<Event> batch = new ArrayList<>(policy.maxBatchEvents());
        long batchStartedAt = 0;
        while (true) {
            long flushTicket = flushRequested;
            queue.drain(batch::add, policy.maxBatchEvents() - batch.size());
            if (batch.isEmpty()) {
                if (stopping) {
                    completeFlush(flushTicket);
                    return;
                }
                if (queue.isEmpty()) {
                    completeFlush(flushTicket);
                    park(IDLE_PARK_NANOS);
                }
                continue;
            }
            long now = System.nanoTime();
            if (batchStartedAt == 0) {
                batchStartedAt = now;
            }
            boolean urgent = stopping || flushTicket > flushCompleted;
            long waited = now - batchStartedAt;
            if (!urgent && batch.size() < policy.maxBatchEvents() && waited < maxDelayNanos) {
                park(maxDelayNanos - waited);
                continue;
            }
            deliver(batch);
            batch.clear();
            batchStartedAt = 0;
        }
    }

    private void park(long nanos) {
        parked = true;
        if (queue.size() < policy.maxBatchEvents() && !stopping) {
            LockSupport.parkNanos(this, nanos);
        }
        parked = false;
    }

    private void completeFlush(long ticket) {
        if (ticket > flushCompleted) {
            synchronized (flushLock) {
                flushCompleted = ticket;
                flushLock.notifyAll();
            }
        }
    }

    private void deliver(List<Event> batch) {
        inFlight = batch.size();
        try {
            for (int attempt = 1; ; attempt++) {
                SendResult result = send(batch);
                if (result instanceof SendResult.Delivered) {
                    counters.delivered(batch.size());
                    return;
                }
                if (result instanceof SendResult.Partial partial) {
                    deadLetter(batch.size(), partial);
                    return;
                }
                if (result instanceof SendResult.Rejected rejected) {
                    counters.failed(batch.size());
                    WARN.warn("rejected|" + sink.name(), "auditweave: sink {} rejected a batch of {} events: {}",
                            sink.name(), batch.size(), rejected.reason());
                    return;
                }
                SendResult.Retry retry = (SendResult.Retry) result;
                Duration wait = policy.backoff().delay(attempt, retry.retryAfter());
                if (attempt >= policy.maxAttempts() || System.nanoTime() + wait.toNanos() > deadlineNanos) {
                    counters.failed(batch.size());
                    WARN.warn("gave-up|" + sink.name(), "auditweave: sink {} gave up a batch of {} events after {} attempts: {}",
                            sink.name(), batch.size(), attempt, retry.reason());
                    return;
                }
                counters.retried();
                sleep(wait);
            }
        } finally {
            inFlight = 0;
        }
    }

    /**
     * The delivered part is counted; each poison event is counted as dead-lettered and logged with its id and
     * reason (rate-limited). The dead-letter file comes with the spool (the other half of issue #4).
     */
    private void deadLetter(int batchSize, SendResult.Partial partial) {
        counters.delivered(partial.delivered());
        counters.deadLettered(partial.poisoned().size());
        int unaccounted = batchSize - partial.delivered() - partial.poisoned().size();
        if (unaccounted > 0) {
            counters.failed(unaccounted);
        }
        SendResult.Poison first = partial.poisoned().isEmpty() ? null : partial.poisoned().get(0);
        if (first != null) {
            WARN.warn("poison|" + sink.name(), "auditweave: sink {} delivered {} of a batch of {} events and set"
                            + " aside {} poison events; the first, id {} type {}: {}", sink.name(), partial.delivered(),
                    batchSize, partial.poisoned().size(), first.event().id(), first.event().type(), first.reason());
        }
    }

    private SendResult send(List<Event> batch) {
        try {
            return sink.send(batch);
        } catch (RuntimeException e) {
            // A sink is not supposed to throw; if it does, retrying the same batch would fail the same way.
            return new SendResult.Rejected("the sink threw " + e);
        }
    }

    /** Sleeps through a backoff, but wakes for shutdown so the deadline is honoured. */
    private void sleep(Duration wait) {
        long until = System.nanoTime() + wait.toNanos();
        long remaining;
        while ((remaining = Math.min(until, deadlineNanos) - System.nanoTime()) > 0) {
            LockSupport.parkNanos(this, remaining);
        }
    }
}
