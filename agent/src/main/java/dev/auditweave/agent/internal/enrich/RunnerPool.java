package dev.auditweave.agent.internal.enrich;

import dev.auditweave.agent.internal.log.Loggers;
import dev.auditweave.agent.internal.log.RateLimitedLogger;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The enrichment threads: keeps {@code threads} of them taking events, replacing one that is stuck in an enricher
 * past its event's deadline ({@link #retire}), at most {@code threads} times over while the stuck ones have not
 * returned. A replaced thread that returns rejoins when a thread is missing, else ends. While a thread is stuck in
 * an enricher, that enricher is {@link #isOverdue overdue}: the threads skip it for other events until the call
 * returns, so that an enricher that hangs for good takes one thread, not all of them. The lock is shared by the
 * enrichment threads and the deadline watch only, never by a calling thread.
 */
final class RunnerPool {

    private static final RateLimitedLogger WARN = new RateLimitedLogger(Loggers.get(RunnerPool.class), 60);

    private final Enrichment stage;
    private final int target;
    private final AtomicInteger numbers = new AtomicInteger();
    /** Every live thread, for waking one; read by calling threads, so copy-on-write. */
    private final List<EnrichRunner> runners = new CopyOnWriteArrayList<>();
    /** Threads taking events; guarded by this. */
    private int active;
    /** Replaced threads still in an enricher; guarded by this. */
    private int stuck;
    /** Per enricher name, the threads stuck in it; written under this lock, read without. */
    private final Map<String, Integer> overdue = new ConcurrentHashMap<>();
    private volatile boolean running = true;

    RunnerPool(Enrichment stage, int threads) {
        this.stage = stage;
        this.target = threads;
    }

    synchronized void start() {
        while (active < target) {
            spawn();
        }
    }

    private void spawn() {
        active++;
        EnrichRunner runner = new EnrichRunner(this, stage, "auditweave-enrich-" + numbers.incrementAndGet());
        runners.add(runner);
        runner.start();
    }

    boolean isRunning() {
        return running;
    }

    /** Wakes one idle thread, if any; on the calling thread, so lock-free. */
    void wakeOne() {
        for (EnrichRunner runner : runners) {
            if (runner.wakeIfParked()) {
                return;
            }
        }
    }

    /** {@code runner} takes {@code job}; {@code false} when it must not (stopped meanwhile). */
    synchronized boolean began(EnrichRunner runner, EnrichJob job) {
        if (!running) {
            return false;
        }
        runner.job(job);
        return true;
    }

    /**
     * Asked by each thread before it takes an event: {@code false} when it is to end (the stage stopped, or it was
     * replaced and no thread is missing). A replaced thread that asks has returned from its enricher.
     */
    synchronized boolean keepRunning(EnrichRunner runner) {
        runner.job(null);
        if (runner.retired()) {
            overdue.computeIfPresent(runner.stuckIn(), (name, threads) -> threads == 1 ? null : threads - 1);
            runner.retired(null);
            Thread.interrupted(); // the interrupt that was meant for the enricher it has left
            stuck--;
            if (running && active < target) {
                active++;
                return true;
            }
            runners.remove(runner);
            return false;
        }
        if (!running) {
            active--;
            runners.remove(runner);
            return false;
        }
        return true;
    }

    /**
     * The deadline of {@code job} passed while {@code runner} was running its enricher {@code enricher}: interrupt it
     * and, unless {@code target} threads are stuck already, start another in its place.
     */
    synchronized void retire(EnrichRunner runner, EnrichJob job, String enricher) {
        if (!running || runner.retired() || runner.job() != job) {
            return;
        }
        runner.retired(enricher);
        overdue.merge(enricher, 1, Integer::sum);
        runner.thread().interrupt();
        active--;
        stuck++;
        if (stuck <= target) {
            spawn();
        } else {
            WARN.warn("stuck", "auditweave: {} enrichment threads are stuck in enrichers past their events' deadlines"
                    + " (the latest in '{}'); no more are started until one returns, and events wait for a thread"
                    + " (each still sent at its deadline)", stuck, enricher);
        }
    }

    /** Whether a thread is stuck in the enricher {@code name} past an event's deadline: skip it meanwhile. */
    boolean isOverdue(String name) {
        return overdue.containsKey(name);
    }

    /** Stops every thread once it has left its event; one stuck in an enricher is interrupted. */
    synchronized void stop() {
        running = false;
        for (EnrichRunner runner : runners) {
            if (runner.job() != null) {
                runner.thread().interrupt();
            }
            runner.wakeIfParked();
        }
    }
}
