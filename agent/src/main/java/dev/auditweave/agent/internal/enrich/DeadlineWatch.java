package dev.auditweave.agent.internal.enrich;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.jctools.queues.atomic.MpscAtomicArrayQueue;

/**
 * The thread {@code auditweave-enrich-deadline}: sends every event in enrichment by its deadline. Events are
 * tracked in the order they were offered, which is the order of their deadlines (one budget for all), so the watch
 * only ever waits for the oldest: when it is finished it is dropped from the queue, when its deadline passes first
 * the stage {@link Enrichment#expired expires} it. Its queue also bounds the stage: a place is
 * {@link #reserve() reserved} before an event is offered and given back when the watch lets go of it.
 *
 * <p>Two offers racing may be tracked a few microseconds out of deadline order; the later deadline then waits for
 * the earlier one by as much, never more.
 */
final class DeadlineWatch {

    /** An idle watch looks again this often even if no offer woke it (a wake-up is never missed; this is a backstop). */
    private static final long IDLE_PARK_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final Enrichment stage;
    private final int capacity;
    private final MpscAtomicArrayQueue<EnrichJob> open;
    private final AtomicInteger reserved = new AtomicInteger();
    private final Thread thread;
    private volatile boolean idle;
    private volatile boolean stopped;
    /** Set by the watch thread when it swept the queue at {@link #stopAndSweep}. */
    private volatile int cut = -1;

    DeadlineWatch(Enrichment stage, int capacity) {
        this.stage = stage;
        this.capacity = capacity;
        this.open = new MpscAtomicArrayQueue<>(Math.max(2, capacity));
        this.thread = new Thread(this::run, "auditweave-enrich-deadline");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Takes a place for one more event; {@code false} when {@code capacity} events are in enrichment. */
    boolean reserve() {
        int now;
        do {
            now = reserved.get();
            if (now >= capacity) {
                return false;
            }
        } while (!reserved.compareAndSet(now, now + 1));
        return true;
    }

    /** Gives back a place reserved for an event that was not tracked after all. */
    void unreserve() {
        reserved.decrementAndGet();
    }

    /** Tracks {@code job}, which holds a {@link #reserve() reserved} place (so there is room). */
    void track(EnrichJob job) {
        open.offer(job);
    }

    /** Wakes the watch if it waits for nothing; called after {@link #track} and a full fence. */
    void wakeIfIdle() {
        if (idle) {
            LockSupport.unpark(thread);
        }
    }

    /**
     * Stops the watch: its thread sends every event still tracked with what was gathered ({@link Enrichment#cut})
     * and ends. Returns how many it sent so, or 0 if the thread did not end by {@code deadlineNanos}.
     */
    int stopAndSweep(long deadlineNanos) {
        stopped = true;
        LockSupport.unpark(thread);
        try {
            long remaining = deadlineNanos - System.nanoTime();
            TimeUnit.NANOSECONDS.timedJoin(thread, Math.max(remaining, TimeUnit.MILLISECONDS.toNanos(100)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Math.max(cut, 0);
    }

    private void run() {
        while (!stopped) {
            EnrichJob oldest = open.peek();
            if (oldest == null) {
                idle = true;
                if (open.isEmpty() && !stopped) {
                    LockSupport.parkNanos(this, IDLE_PARK_NANOS);
                }
                idle = false;
            } else if (oldest.isFinished()) {
                release();
            } else {
                long wait = oldest.deadlineNanos() - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(this, wait);
                } else {
                    release();
                    if (oldest.finish()) {
                        stage.expired(oldest);
                    }
                }
            }
        }
        cut = sweep();
    }

    private void release() {
        open.poll();
        reserved.decrementAndGet();
    }

    private int sweep() {
        int sent = 0;
        for (EnrichJob job = open.poll(); job != null; job = open.poll()) {
            reserved.decrementAndGet();
            if (job.finish()) {
                stage.cut(job);
                sent++;
            }
        }
        return sent;
    }
}
