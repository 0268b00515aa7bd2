package dev.auditweave.agent.internal.dispatch;

import dev.auditweave.agent.internal.event.Event;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * One sink's daemon thread ({@code auditweave-dispatch-<sink>}): takes batches from the queue by count and by age,
 * hands them to the {@link BatchSender} (or, while the spool has a backlog, to the {@link SpoolMode}), completes
 * flushes and drains by the shutdown deadline. The only state it shares with other threads is here: the flush
 * tickets, the shutdown deadlines and whether it is parked.
 */
final class Worker {

    /** How long an idle worker sleeps before looking again; callers never pay for waking it. */
    private static final long IDLE_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    /** The part of the shutdown deadline kept for the spool to write and fsync what is left. */
    private static final long SPOOL_RESERVE_NANOS = TimeUnit.MILLISECONDS.toNanos(1000);

    private final DeliveryPolicy policy;
    private final EventQueue queue;
    private final Custody custody;
    private final BatchSender sender;
    private final SpoolMode spoolMode;
    private final Ticker ticker;
    private final long maxDelayNanos;
    private final Thread thread;
    private final Object flushLock = new Object();

    private volatile boolean parked;
    private volatile boolean stopping;
    private volatile long deadlineNanos = Long.MAX_VALUE;
    private volatile long sendDeadlineNanos = Long.MAX_VALUE;
    private volatile long flushRequested;
    private volatile long flushCompleted;
    /** Set while the spool has a backlog: callers then offer to the spool's overflow ring first. */
    private volatile boolean spoolFirst;

    Worker(String sink, DeliveryPolicy policy, EventQueue queue, Custody custody, BatchSender sender,
           SpoolMode spoolMode, Ticker ticker) {
        this.policy = policy;
        this.queue = queue;
        this.custody = custody;
        this.sender = sender;
        this.spoolMode = spoolMode;
        this.ticker = ticker;
        this.maxDelayNanos = policy.maxBatchDelay().toNanos();
        this.thread = new Thread(this::runThenClose, "auditweave-dispatch-" + sink);
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    boolean stopping() {
        return stopping;
    }

    /** The shutdown deadline, once shutdown began. */
    long deadline() {
        return deadlineNanos;
    }

    boolean spoolFirst() {
        return spoolFirst;
    }

    /** From a caller, after an enqueue: wakes the worker for a full batch only (an unpark once per batch at most). */
    void enqueued() {
        if (parked && queue.size() >= policy.maxBatchEvents()) {
            LockSupport.unpark(thread);
        }
    }

    /** Asks for what is queued now to be sent at once and waits for it, at most {@code timeout}. */
    boolean flush(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long ticket;
        synchronized (flushLock) {
            ticket = ++flushRequested;
        }
        LockSupport.unpark(thread);
        synchronized (flushLock) {
            while (flushCompleted < ticket) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0 || !thread.isAlive()) {
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

    /** Stops taking new events and drains by {@code deadline} (a {@link Ticker} value). */
    void beginShutdown(long deadline) {
        this.deadlineNanos = deadline;
        if (spoolMode != null) {
            long reserve = Math.min(SPOOL_RESERVE_NANOS, Math.max(0, deadline - ticker.nanoTime()) / 2);
            this.sendDeadlineNanos = deadline - reserve;
        } else {
            this.sendDeadlineNanos = deadline;
        }
        this.stopping = true;
        LockSupport.unpark(thread);
    }

    /**
     * Waits for the thread until the deadline; with a spool, a send still running at the send deadline is
     * interrupted so that its batch can be spooled. Returns whether the thread ended.
     */
    boolean awaitEnd() {
        try {
            if (spoolMode != null) {
                join(sendDeadlineNanos);
                if (thread.isAlive() && sender.inSend()) {
                    thread.interrupt();
                }
            }
            join(deadlineNanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !thread.isAlive();
    }

    /** Waits for the thread to end, at most {@code timeout}; whether it did. */
    boolean join(Duration timeout) throws InterruptedException {
        thread.join(Math.max(1, timeout.toMillis()));
        return !thread.isAlive();
    }

    private void join(long until) throws InterruptedException {
        long remaining = until - ticker.nanoTime();
        if (remaining > 0) {
            thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(remaining)));
        }
    }

    // ---------------------------------------------------------------- the thread

    private void runThenClose() {
        try {
            run();
        } finally {
            custody.close();
        }
    }

    private void run() {
        List<Event> batch = new ArrayList<>(policy.maxBatchEvents());
        long batchStartedAt = 0;
        while (true) {
            long flushTicket = flushRequested;
            if (spoolMode != null) {
                if (stopping && ticker.nanoTime() >= sendDeadlineNanos) {
                    if (custody.claim()) {
                        spoolMode.spill(batch, deadlineNanos);
                        spoolMode.spillQueue(custody, deadlineNanos);
                    }
                    completeFlush(flushTicket);
                    return;
                }
                if (spoolMode.hasBacklog()) {
                    // Disk mode: new events go behind what is spooled, the spool goes out oldest first.
                    spoolFirst = true;
                    if (!custody.claim()) {
                        return;
                    }
                    spoolMode.spill(batch, deadlineNanos);
                    batchStartedAt = 0;
                    spoolMode.spillQueue(custody, deadlineNanos);
                    if (stopping) {
                        // What is spooled stays for the next start; nothing queued is left in memory.
                        completeFlush(flushTicket);
                        return;
                    }
                    boolean sent = spoolMode.replayOnce(sender);
                    boolean failing = spoolMode.failing();
                    if (queue.isEmpty() && (failing || !spoolMode.hasBacklog())) {
                        completeFlush(flushTicket);
                    }
                    if (!sent) {
                        long wait = failing ? Math.min(IDLE_PARK_NANOS, spoolMode.untilNextReplay())
                                : SpoolMode.SPOOL_WAIT_NANOS;
                        park(Math.max(1, wait));
                    }
                    continue;
                }
                spoolFirst = false;
            }
            if (!custody.drain(batch, policy.maxBatchEvents() - batch.size())) {
                return;
            }
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
            long now = ticker.nanoTime();
            if (batchStartedAt == 0) {
                batchStartedAt = now | 1;
            }
            boolean urgent = stopping || flushTicket > flushCompleted;
            long waited = now - batchStartedAt;
            if (!urgent && batch.size() < policy.maxBatchEvents() && waited < maxDelayNanos) {
                park(maxDelayNanos - waited);
                continue;
            }
            sender.deliver(batch, custody, () -> deadlineNanos,
                    spoolMode == null ? null : spoolMode::takeFailed);
            if (custody.abandoned()) {
                return;
            }
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
}
