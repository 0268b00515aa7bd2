package dev.auditweave.agent.internal.enrich;

import dev.auditweave.agent.internal.event.Event;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One event in enrichment: the event, its deadline, the fields gathered so far and which runner works on it. Two
 * threads may end it, the runner that finished its enrichers and the deadline watch when time ran out; whichever
 * {@link #finish() finishes} it first sends it, so it is sent exactly once.
 *
 * <p>The gathered fields are published as a whole new unmodifiable map after each enricher, so that the deadline
 * watch, sending what is there when time runs out, sees the fields of the enrichers that completed and nothing of
 * the one still running.
 */
final class EnrichJob {

    private final Event event;
    private final long deadlineNanos;
    private final AtomicBoolean finished = new AtomicBoolean();
    /** The event's declared fields and those added so far, in order; replaced, never changed. */
    private volatile Map<String, Object> data;
    /** The runner working on it, once one took it. */
    private volatile EnrichRunner runner;
    /** The enricher running now, for the message when it runs out of time. */
    private volatile String running;

    EnrichJob(Event event, long deadlineNanos) {
        this.event = event;
        this.deadlineNanos = deadlineNanos;
        this.data = event.data();
    }

    Event event() {
        return event;
    }

    long deadlineNanos() {
        return deadlineNanos;
    }

    /** The fields so far, unmodifiable: what the next enricher is given. */
    Map<String, Object> data() {
        return data;
    }

    /** Publishes the fields after one more enricher completed. */
    void data(Map<String, Object> gathered) {
        data = gathered;
    }

    /** Whether it was sent (or is being sent) already: nothing more may be added. */
    boolean isFinished() {
        return finished.get();
    }

    /** Claims the sending; {@code true} for exactly one caller. */
    boolean finish() {
        return !finished.get() && finished.compareAndSet(false, true);
    }

    /** The event to send: with the gathered fields, no enrichers left to run. */
    Event enriched() {
        return event.withData(data);
    }

    EnrichRunner runner() {
        return runner;
    }

    void runBy(EnrichRunner runner) {
        this.runner = runner;
    }

    String running() {
        return running;
    }

    void running(String enricher) {
        running = enricher;
    }
}
