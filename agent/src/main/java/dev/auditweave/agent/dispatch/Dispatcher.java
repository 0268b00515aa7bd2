package dev.auditweave.agent.dispatch;

import dev.auditweave.agent.event.Event;
import dev.auditweave.agent.log.Loggers;
import dev.auditweave.agent.log.RateLimitedLogger;
import dev.auditweave.agent.metrics.Counters;
import dev.auditweave.agent.metrics.DropReason;
import dev.auditweave.agent.sink.SendResult;
import dev.auditweave.agent.sink.Sink;
import dev.auditweave.agent.spool.Spool;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.jctools.queues.atomic.MpscAtomicArrayQueue;

/**
 * One sink's bounded queue and its single daemon worker. Callers only {@link #offer}: a lock-free
 * multi-producer queue, no lock shared with the worker, and a full queue drops rather than blocks. The
 * queue is JCTools' atomic variant: the same algorithm without {@code sun.misc.Unsafe}, which Java 24+
 * warns about on the application's stderr and will later refuse. The
 * worker takes batches by count and by age, sends them, and retries retryable failures with backoff.
 *
 * <p><b>With a spool</b> ({@code auditweave.spool.dir}): a batch that fails with a retryable error is handed
 * to the spool at once instead of being retried in memory, and a queue-full event goes to the spool's overflow
 * ring (drained to disk by the spool's writer thread, not by the caller). While the spool holds anything, the
 * worker appends what it takes from the queue behind it, so that events go out in the order they were
 * spooled, and replays the spool's oldest batch whenever the backoff allows: the retries of a spooled batch
 * are unlimited, its events survive a restart. At shutdown, what is still queued when the send deadline comes
 * is spooled rather than lost.
 */
public final class Dispatcher {

    private static final RateLimitedLogger WARN = new RateLimitedLogger(Loggers.get(Dispatcher.class), 60);
    /** How long an idle worker sleeps before looking again; callers never pay for waking it. */
    private static final long IDLE_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    /** How long the worker waits for the spool writer to catch up before it looks again. */
    private static final long SPOOL_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(2);
    /** A send running longer than this diverts new events to the spool (see {@link #offerOrSpill}). */
    private static final long SLOW_SEND_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    /** The part of the shutdown deadline kept for the spool to write and fsync what is left. */
    private static final long SPOOL_RESERVE_NANOS = TimeUnit.MILLISECONDS.toNanos(1000);

    /** What became of one offered event. */
    public enum Offer {
        /** In the sink's queue. */
        ENQUEUED,
        /** In the spool's overflow ring, on its way to disk (the queue was full, or the spool has a backlog). */
        SPILLED,
        /** The queue (and the overflow ring, if any) was full: dropped. */
        FULL,
        /** Shutdown had begun: dropped. */
        STOPPED
    }

    private final Sink sink;
    private final DeliveryPolicy policy;
    private final Counters counters;
    private final TypeFilter filter;
    private final Spool spool;
    private final MpscAtomicArrayQueue<Event> queue;
    private final long maxDelayNanos;
    private final long spoolPendingLimit;
    private final Thread worker;
    private final Object flushLock = new Object();

    private volatile boolean parked;
    private volatile boolean stopping;
    private volatile long deadlineNanos = Long.MAX_VALUE;
    private volatile long sendDeadlineNanos = Long.MAX_VALUE;
    private volatile long flushRequested;
    private volatile long flushCompleted;
    /** Events of the batch being delivered; read and cleared under {@link #accounting}. */
    private int inFlight;
    /**
     * Shared by the worker and the shutdown thread only (never a caller): whichever claims the in-flight batch
     * first counts it, as delivered, failed or spooled by the worker or as lost by shutdown, never both.
     */
    private final Object accounting = new Object();
    /** Set once shutdown has counted what is left as lost: the worker then counts nothing more. */
    private volatile boolean abandoned;
    private volatile boolean inSend;
    /** Set by the worker while the spool has a backlog: callers then offer to the spool's overflow ring first. */
    private volatile boolean spoolFirst;
    /** When the current send began ({@link System#nanoTime()}), or 0 when none is running. */
    private volatile long sendStartedAt;
    /** Set by the spool's writer thread while the current send has run longer than {@link #SLOW_SEND_NANOS}. */
    private volatile boolean sendIsSlow;

    // Worker thread only: the replay schedule of the spool.
    private int replayFailures;
    private long nextReplayAt;

    public Dispatcher(Sink sink, DeliveryPolicy policy, Counters counters) {
        this(sink, policy, counters, TypeFilter.ALL, null);
    }

    /**
     * @param counters this sink's counters (a {@link Counters#forSink()} child when there are several sinks)
     * @param filter   the event types this sink receives; {@link Pipeline} routes by it
     * @param spool    where what cannot be delivered now goes, or {@code null} for no spool
     */
    public Dispatcher(Sink sink, DeliveryPolicy policy, Counters counters, TypeFilter filter, Spool spool) {
        this.sink = sink;
        this.policy = policy;
        this.counters = counters;
        this.filter = filter;
        this.spool = spool;
        this.queue = new MpscAtomicArrayQueue<>(policy.queueCapacity());
        this.maxDelayNanos = policy.maxBatchDelay().toNanos();
        this.spoolPendingLimit = Math.max(4L * policy.queueCapacity(), 4L * policy.maxBatchEvents());
        this.worker = new Thread(this::run, "auditweave-dispatch-" + sink.name());
        worker.setDaemon(true);
        if (spool != null) {
            spool.onWriterTick(this::noticeSlowSend);
        }
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

    /** The spool, or {@code null}. */
    public Spool spool() {
        return spool;
    }

    /** Enqueues (or spills to the spool) without blocking; {@code false} when the event was dropped. */
    public boolean offer(Event event) {
        Offer offer = offerOrSpill(event);
        return offer == Offer.ENQUEUED || offer == Offer.SPILLED;
    }

    /**
     * Enqueues without blocking; when the queue is full and there is a spool, hands the event to the spool's
     * overflow ring (another non-blocking offer: the spool's writer thread does the I/O). While the spool has a
     * backlog, or the current send has taken longer than 100 ms, the ring comes first: the event then reaches
     * the disk through the writer whatever the worker is waiting for, instead of waiting in memory.
     */
    public Offer offerOrSpill(Event event) {
        if (stopping) {
            return Offer.STOPPED;
        }
        if ((spoolFirst || sendIsSlow) && spool.offerOverflow(event)) {
            return Offer.SPILLED;
        }
        if (!queue.offer(event)) {
            return spool != null && spool.offerOverflow(event) ? Offer.SPILLED : Offer.FULL;
        }
        // Wake the worker only for a full batch, so that a caller pays for an unpark once per batch at most.
        if (parked && queue.size() >= policy.maxBatchEvents()) {
            LockSupport.unpark(worker);
        }
        return Offer.ENQUEUED;
    }

    /**
     * Sends what is queued now without waiting for the batch delay, and waits until it is delivered or
     * given up (with a spool: or on disk while the endpoint fails), at most {@code timeout}. Returns whether
     * that happened in time.
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
        if (spool != null) {
            long now = System.nanoTime();
            long reserve = Math.min(SPOOL_RESERVE_NANOS, Math.max(0, deadlineNanos - now) / 2);
            this.sendDeadlineNanos = deadlineNanos - reserve;
        } else {
            this.sendDeadlineNanos = deadlineNanos;
        }
        this.stopping = true;
        LockSupport.unpark(worker);
    }

    /**
     * Waits for the worker until the deadline; returns how many events it could not deliver (or spool) in time
     * (still queued or in flight), which the caller reports as lost. With a spool, a worker still stuck in a send
     * at the send deadline is interrupted so that it can spool its batch, and the spool is closed (written and
     * fsynced) by the deadline.
     */
    public int awaitShutdown() {
        try {
            if (spool != null) {
                join(sendDeadlineNanos);
                if (worker.isAlive() && inSend) {
                    worker.interrupt();
                }
            }
            join(deadlineNanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        int left = 0;
        if (worker.isAlive()) {
            synchronized (accounting) {
                abandoned = true;
                left = queue.size() + inFlight;
                inFlight = 0;
            }
        }
        if (spool != null) {
            spool.close(deadlineNanos);
        }
        return left;
    }

    /** Waits for the worker thread to end, at most {@code timeout}; whether it did. */
    boolean awaitWorker(Duration timeout) throws InterruptedException {
        worker.join(Math.max(1, timeout.toMillis()));
        return !worker.isAlive();
    }

    private void join(long until) throws InterruptedException {
        long remaining = until - System.nanoTime();
        if (remaining > 0) {
            worker.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(remaining)));
        }
    }

    private void run() {
        List<Event> batch = new ArrayList<>(policy.maxBatchEvents());
        long batchStartedAt = 0;
        while (true) {
            long flushTicket = flushRequested;
            if (spool != null) {
                if (stopping && System.nanoTime() >= sendDeadlineNanos) {
                    spill(batch);
                    spillQueue();
                    completeFlush(flushTicket);
                    return;
                }
                if (spool.hasBacklog()) {
                    // Disk mode: new events go behind what is spooled, the spool goes out oldest first.
                    spoolFirst = true;
                    spill(batch);
                    batchStartedAt = 0;
                    spillQueue();
                    if (stopping) {
                        // What is spooled stays for the next start; nothing queued is left in memory.
                        completeFlush(flushTicket);
                        return;
                    }
                    boolean sent = replayOnce();
                    boolean failing = replayFailures > 0;
                    if (queue.isEmpty() && (failing || !spool.hasBacklog())) {
                        completeFlush(flushTicket);
                    }
                    if (!sent) {
                        long wait = failing ? Math.min(IDLE_PARK_NANOS, nextReplayAt - System.nanoTime())
                                : SPOOL_WAIT_NANOS;
                        park(Math.max(1, wait));
                    }
                    continue;
                }
                spoolFirst = false;
            }
            queue.drain(batch::add, policy.maxBatchEvents() - batch.size());
            synchronized (accounting) {
                if (abandoned) {
                    return;
                }
                // Drained events are no longer in the queue: count them as in flight until they are settled.
                inFlight = batch.size();
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

    /** Hands {@code batch} to the spool (and clears it), waiting while the spool's writer is far behind. */
    private void spill(List<Event> batch) {
        if (batch.isEmpty()) {
            return;
        }
        while (spool.pendingEvents() > spoolPendingLimit && spool.writerAlive() && System.nanoTime() < deadlineNanos) {
            LockSupport.parkNanos(this, SPOOL_WAIT_NANOS);
            Thread.interrupted();
        }
        spool.append(batch);
        batch.clear();
    }

    private void spillQueue() {
        List<Event> chunk = new ArrayList<>(policy.maxBatchEvents());
        while (queue.drain(chunk::add, policy.maxBatchEvents()) > 0) {
            spill(chunk);
        }
    }

    /** Sends the spool's oldest batch if the backoff allows; returns whether it tried. */
    private boolean replayOnce() {
        long now = System.nanoTime();
        if (replayFailures > 0 && now - nextReplayAt < 0) {
            return false;
        }
        List<Event> events = spool.read(policy.maxBatchEvents());
        if (events.isEmpty()) {
            return false;
        }
        SendResult result = send(events);
        if (result instanceof SendResult.Retry retry) {
            spool.rewind();
            replayFailures++;
            counters.retried();
            nextReplayAt = System.nanoTime() + policy.backoff().delay(replayFailures, retry.retryAfter()).toNanos();
            WARN.warn("replay-failed|" + sink.name(), "auditweave: sink {} is failing ({}); {} bytes spooled in {},"
                    + " replay is retried with backoff", sink.name(), retry.reason(), spool.bytes(), spool.directory());
            return true;
        }
        replayFailures = 0;
        int delivered = settle(events, result);
        counters.replayed(delivered);
        spool.ack();
        return true;
    }

    /**
     * Counts a final outcome (anything but {@link SendResult.Retry}); poison goes to the dead-letter file when
     * there is a spool. Returns how many events were delivered.
     */
    private int settle(List<Event> batch, SendResult result) {
        if (result instanceof SendResult.Delivered) {
            counters.delivered(batch.size());
            return batch.size();
        }
        if (result instanceof SendResult.Partial partial) {
            counters.delivered(partial.delivered());
            poison(partial.poisoned());
            return partial.delivered();
        }
        SendResult.Rejected rejected = (SendResult.Rejected) result;
        counters.failed(batch.size());
        WARN.warn("rejected|" + sink.name(), "auditweave: sink {} rejected a batch of {} events: {}",
                sink.name(), batch.size(), rejected.reason());
        if (spool != null) {
            List<SendResult.Poison> all = new ArrayList<>(batch.size());
            batch.forEach(event -> all.add(new SendResult.Poison(event, rejected.reason())));
            counters.deadLettered(spool.deadLetter(all));
        }
        return 0;
    }

    private void poison(List<SendResult.Poison> poisoned) {
        if (poisoned.isEmpty()) {
            return;
        }
        if (spool == null) {
            counters.dropped(DropReason.POISON_NO_SPOOL, poisoned.size());
            WARN.warn("poison|" + sink.name(), "auditweave: sink {} refused {} events for good (first: {}); no spool"
                    + " directory for a dead-letter file, they are dropped", sink.name(), poisoned.size(),
                    poisoned.get(0).reason());
            return;
        }
        int written = spool.deadLetter(poisoned);
        counters.deadLettered(written);
        if (written < poisoned.size()) {
            counters.dropped(DropReason.SPOOL_ERROR, poisoned.size() - written);
        }
        WARN.warn("poison|" + sink.name(), "auditweave: sink {} refused {} events for good (first: {}); written to {}",
                sink.name(), poisoned.size(), poisoned.get(0).reason(), spool.directory().resolve("dead-letter.jsonl"));
    }

    private void deliver(List<Event> batch) {
        synchronized (accounting) {
            inFlight = batch.size();
        }
        try {
            for (int attempt = 1; ; attempt++) {
                SendResult result = send(batch);
                if (!claim()) {
                    return;
                }
                if (!(result instanceof SendResult.Retry retry)) {
                    settle(batch, result);
                    return;
                }
                if (spool != null) {
                    // The spool retries it, from disk: it survives a restart and keeps its place in the order.
                    spool.append(batch);
                    replayFailures = 1;
                    nextReplayAt = System.nanoTime() + policy.backoff().delay(1, retry.retryAfter()).toNanos();
                    WARN.warn("spilled|" + sink.name(), "auditweave: sink {} failed ({}); spooling to {} and"
                            + " replaying with backoff", sink.name(), retry.reason(), spool.directory());
                    return;
                }
                Duration wait = policy.backoff().delay(attempt, retry.retryAfter());
                if (attempt >= policy.maxAttempts() || System.nanoTime() + wait.toNanos() > deadlineNanos) {
                    counters.failed(batch.size());
                    WARN.warn("gave-up|" + sink.name(), "auditweave: sink {} gave up a batch of {} events after {} attempts: {}",
                            sink.name(), batch.size(), attempt, retry.reason());
                    return;
                }
                counters.retried();
                synchronized (accounting) {
                    inFlight = batch.size();
                }
                sleep(wait);
            }
        } finally {
            synchronized (accounting) {
                inFlight = 0;
            }
        }
    }

    /**
     * Claims the in-flight batch for the worker to count its outcome; {@code false} when shutdown already counted
     * it as lost.
     */
    private boolean claim() {
        synchronized (accounting) {
            if (abandoned) {
                return false;
            }
            inFlight = 0;
            return true;
        }
    }

    /** On the spool's writer thread: divert new events to the spool while a send takes long. */
    private void noticeSlowSend() {
        long started = sendStartedAt;
        boolean slow = started != 0 && System.nanoTime() - started > SLOW_SEND_NANOS;
        if (slow != sendIsSlow) {
            sendIsSlow = slow;
        }
    }

    private SendResult send(List<Event> batch) {
        inSend = true;
        sendStartedAt = System.nanoTime() | 1;
        try {
            return sink.send(batch);
        } catch (RuntimeException e) {
            // A sink is not supposed to throw; if it does, retrying the same batch would fail the same way.
            return new SendResult.Rejected("the sink threw " + e);
        } finally {
            sendStartedAt = 0;
            sendIsSlow = false;
            inSend = false;
            // An interrupt only ever means "stop waiting for this send" (shutdown); parking must work after it.
            Thread.interrupted();
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
