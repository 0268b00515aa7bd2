package dev.auditweave.agent.internal.enrich;

import dev.auditweave.agent.internal.event.Event;
import dev.auditweave.agent.internal.log.Loggers;
import dev.auditweave.agent.internal.log.RateLimitedLogger;
import dev.auditweave.agent.internal.metrics.Counters;
import java.lang.invoke.VarHandle;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.jctools.queues.atomic.MpmcAtomicArrayQueue;
import org.slf4j.Logger;

/**
 * The enrichment stage, between an event's release (after its transaction committed, if it waited for one) and
 * its sinks' queues: an event whose annotation names enrichers ({@code enrich = "orgMemberships"}) is handed to
 * enrichment threads, which run its enrichers in order and send it on with their fields; every other event never
 * comes here.
 *
 * <p><b>The calling thread never waits.</b> {@link #offer} reserves a place (at most
 * {@code auditweave.enrich.queue.capacity} events waiting or in enrichment), puts the event into two lock-free
 * queues and wakes an idle thread; when there is no place the event is sent on at once, without enrichment, and
 * counted {@code enrichTimedOut}.
 *
 * <p><b>Each event has a time budget</b> ({@code auditweave.enrich.timeout-ms}) from the moment it is offered, and
 * it is sent by then whatever its enrichers do. An enrichment thread ({@code auditweave-enrich-N}) runs the event's
 * enrichers one after the other; a separate deadline watch ({@code auditweave-enrich-deadline}) keeps every event in
 * the order of its deadline and, when one passes, sends the event with the fields of the enrichers that completed
 * (without the one running and those after it), counted {@code enrichTimedOut}. Whichever of the two ends an event
 * first sends it; the other sends nothing. So a hung enricher delays only its own event, by at most the budget.
 *
 * <p><b>A hung enricher does not hold up later events</b>: when an event runs out of time while a thread is still in
 * one of its enrichers, the watch interrupts that thread (a look-up waiting interruptibly returns) and starts a
 * replacement, so that {@code auditweave.enrich.threads} threads keep taking events. The thread it replaced ends
 * when the enricher returns (or rejoins, if a thread is missing). Until it returns, that enricher is skipped for
 * other events (counted {@code enrichTimedOut}), so that one that hangs for good holds one thread, not all of them.
 * At most {@code threads} stuck threads are replaced; past that, no more are started until one returns, and events
 * wait for a free thread, each still sent at its deadline.
 *
 * <p><b>Shutdown</b> ({@link #shutdown}): events offered from then on are sent on at once without enrichment; those
 * in enrichment get until the given deadline to finish, and what is left is then sent with the fields gathered so
 * far, counted {@code enrichTimedOut} and summed up in one WARN line. No event is lost here.
 *
 * <pre>{@code
 * Enrichment enrichment = new Enrichment(new EnrichPolicy(2, 10_000, Duration.ofMillis(500)), counters,
 *         pipeline::offer);
 * enrichment.start();
 * enrichment.offer(event);                           // calling thread: returns at once
 * enrichment.shutdown(System.nanoTime() + TimeUnit.SECONDS.toNanos(2));
 * }</pre>
 */
public final class Enrichment {

    private static final Logger LOG = Loggers.get(Enrichment.class);
    private static final RateLimitedLogger WARN = new RateLimitedLogger(LOG, 60);

    private final EnrichPolicy policy;
    private final Counters counters;
    private final Consumer<Event> downstream;
    private final MpmcAtomicArrayQueue<EnrichJob> work;
    private final DeadlineWatch watch;
    private final RunnerPool runners;
    /** Events offered and not yet sent on; {@link #awaitIdle} waits for 0. */
    private final AtomicInteger unfinished = new AtomicInteger();
    private final Object idle = new Object();
    /** Between {@link #start} and {@link #shutdown}: events are enriched only then. */
    private volatile boolean accepting;
    /** Whether the threads run: from the first event that names an enricher, so an application without any has none. */
    private volatile boolean threadsStarted;

    /**
     * @param policy     threads, capacity and time budget
     * @param counters   where {@code enrichFailed} and {@code enrichTimedOut} are counted
     * @param downstream where events go on, enriched or not (the sinks' queues); must not block
     */
    public Enrichment(EnrichPolicy policy, Counters counters, Consumer<Event> downstream) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.counters = Objects.requireNonNull(counters, "counters");
        this.downstream = Objects.requireNonNull(downstream, "downstream");
        this.work = new MpmcAtomicArrayQueue<>(Math.max(2, policy.queueCapacity()));
        this.watch = new DeadlineWatch(this, policy.queueCapacity());
        this.runners = new RunnerPool(this, policy.threads());
    }

    /**
     * Opens the stage. Its threads and the deadline watch start with the first event that names an enricher, so that
     * an application that uses none runs no idle thread for it.
     */
    public void start() {
        accepting = true;
    }

    /** Whether the threads were started (by a first event that names an enricher). */
    boolean threadsStarted() {
        return threadsStarted;
    }

    private synchronized void startThreads() {
        if (!threadsStarted && accepting) {
            watch.start();
            runners.start();
            threadsStarted = true;
        }
    }

    /**
     * Hands {@code event} (which carries an {@code EnrichRequest}) to the enrichment threads; never blocks. When the
     * stage is full, not started or shutting down, sends it on at once without enrichment, counted {@code enrichTimedOut}.
     */
    public void offer(Event event) {
        if (!threadsStarted) {
            startThreads();
        }
        if (!accepting) {
            skip(event, "stopping", "auditweave: event {} sent without enrichment: enrichment is not running");
            return;
        }
        if (!watch.reserve()) {
            skip(event, "full", "auditweave: event {} sent without enrichment: " + policy.queueCapacity()
                    + " events wait for enrichment already (auditweave.enrich.queue.capacity)");
            return;
        }
        EnrichJob job = new EnrichJob(event, System.nanoTime() + policy.timeout().toNanos());
        unfinished.incrementAndGet();
        if (!work.offer(job)) {
            // Events past their deadline that no thread took yet still hold their places in the work queue.
            watch.unreserve();
            finished();
            skip(event, "full", "auditweave: event {} sent without enrichment: the enrichment threads are "
                    + policy.queueCapacity() + " events behind (auditweave.enrich.queue.capacity)");
            return;
        }
        watch.track(job);
        // Pairs with the volatile write of an idle thread's flag before it looks at the queue once more.
        VarHandle.fullFence();
        if (!accepting && job.finish()) {
            // Shutdown began meanwhile and may have swept already: this thread sends it.
            finished();
            skip(event, "stopping", "auditweave: event {} sent without enrichment: enrichment is not running");
            return;
        }
        watch.wakeIfIdle();
        runners.wakeOne();
    }

    private void skip(Event event, String why, String message) {
        counters.enrichTimedOut();
        WARN.warn(why, message, event.type());
        send(event.withData(event.data()));
    }

    /**
     * Waits until every event offered so far has been sent on, at most until {@code deadlineNanos}
     * ({@link System#nanoTime()}); {@code true} when it was.
     */
    public boolean awaitIdle(long deadlineNanos) {
        synchronized (idle) {
            while (unfinished.get() > 0) {
                long remaining = deadlineNanos - System.nanoTime();
                if (remaining <= 0) {
                    return false;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(idle, remaining);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * Lets the events in enrichment finish until {@code deadlineNanos} ({@link System#nanoTime()}), then sends what
     * is left with the fields gathered so far, and stops the threads (a thread stuck in an enricher is interrupted
     * and left to end by itself). Events offered from now on are sent on without enrichment. Returns how many events
     * had to be sent before their enrichers finished.
     */
    public int shutdown(long deadlineNanos) {
        synchronized (this) {
            // Under the lock of startThreads: no thread starts after this.
            accepting = false;
        }
        awaitIdle(deadlineNanos);
        // Swept before the threads are interrupted, so that an interrupted enricher is not taken for a failed one.
        int cut = watch.stopAndSweep(deadlineNanos);
        runners.stop();
        if (cut > 0) {
            LOG.warn("auditweave: {} events were still in enrichment at shutdown; sent without the fields of the"
                    + " enrichers that had not finished (counted enrichTimedOut)", cut);
        }
        return cut;
    }

    // ---- Used by the enrichment threads and the deadline watch ----

    /** The next event for an enrichment thread, or {@code null}. */
    EnrichJob poll() {
        return work.poll();
    }

    boolean hasWork() {
        return !work.isEmpty();
    }

    /** A thread ran every enricher of {@code job} (it won {@link EnrichJob#finish()}): send it on. */
    void completed(EnrichJob job) {
        send(job.enriched());
        finished();
    }

    /** The deadline of {@code job} passed before its enrichers finished (the watch won {@link EnrichJob#finish()}). */
    void expired(EnrichJob job) {
        counters.enrichTimedOut();
        String running = job.running();
        String type = job.event().type();
        long budget = policy.timeout().toMillis();
        if (job.runner() == null) {
            WARN.warn("waited|" + type, "auditweave: event {} waited {} ms (auditweave.enrich.timeout-ms) for an"
                    + " enrichment thread; sent without enrichment", type, budget);
        } else if (running == null) {
            WARN.warn("timeout|" + type, "auditweave: the enrichers of event {} ran past its {} ms budget"
                    + " (auditweave.enrich.timeout-ms); sent with the fields gathered so far", type, budget);
        } else {
            WARN.warn("timeout|" + running + '|' + type, "auditweave: enricher '{}' ran past the {} ms budget of"
                    + " event {} (auditweave.enrich.timeout-ms); sent without its fields and those of the enrichers"
                    + " after it", running, budget, type);
        }
        if (running != null) {
            // The thread is still in that enricher: it is interrupted and replaced, and the enricher skipped meanwhile
            // (marked before the event goes on, so that whatever follows from it finds the enricher overdue).
            runners.retire(job.runner(), job, running);
        }
        send(job.enriched());
        finished();
    }

    /** An enricher of {@code job} was skipped: a thread is still stuck in it past another event's deadline. */
    void skipped(EnrichJob job, String enricher) {
        counters.enrichTimedOut();
        String type = job.event().type();
        WARN.warn("overdue|" + enricher + '|' + type, "auditweave: enricher '{}' skipped for event {}: an earlier call"
                + " of it is still running past its event's deadline; sent without its fields", enricher, type);
    }

    /** Sent on at shutdown before its enrichers finished. */
    void cut(EnrichJob job) {
        counters.enrichTimedOut();
        send(job.enriched());
        finished();
    }

    /** An enricher of {@code job} threw, or no enricher has the name: counted, logged, the others go on. */
    void failed(EnrichJob job, String enricher, String reason) {
        counters.enrichFailed();
        String type = job.event().type();
        WARN.warn("failed|" + enricher + '|' + type, "auditweave: enricher '{}' failed for event {}: {}; sent without"
                + " its fields", enricher, type, reason);
    }

    private void send(Event event) {
        try {
            downstream.accept(event);
        } catch (Throwable t) {
            WARN.warn("send", "auditweave: could not hand event {} on to delivery: {}", event.type(), t.toString());
        }
    }

    private void finished() {
        if (unfinished.decrementAndGet() == 0) {
            synchronized (idle) {
                idle.notifyAll();
            }
        }
    }
}
