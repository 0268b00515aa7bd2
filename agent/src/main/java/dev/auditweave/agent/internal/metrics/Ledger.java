package dev.auditweave.agent.internal.metrics;

import dev.auditweave.agent.metrics.DropReason;

import dev.auditweave.agent.internal.event.Event;
import java.util.List;
import java.util.Objects;

/**
 * The one place where a sink records what became of each event handed to it: the dispatcher, its worker and the
 * spool call this and nothing else, each at the single point where that fate is decided, once per event. A terminal
 * fate ({@link Fate#terminal()}) ends the event's life in this JVM; an event on disk ({@link Fate#SPOOLED}) waits for
 * its replay, in this JVM or the next.
 *
 * <p>It counts into the sink's {@link Counters} (which add up into the runtime's), and tells an optional
 * {@link Observer} each fate with its event: tests use that to check that every event has exactly one terminal fate.
 *
 * <pre>{@code
 * Ledger ledger = new Ledger(counters.forSink());
 * ledger.enqueued(event);
 * ledger.delivered(batch, false);
 * }</pre>
 *
 * <p>{@code droppedRollback} is not recorded here: that is decided before delivery, by the transaction.
 */
public final class Ledger {

    /** What became of an event. */
    public enum Fate {
        /** Accepted into the sink's queue. */
        ENQUEUED(false),
        /** Handed to the spool's overflow ring (the queue was full, or the spool had a backlog). */
        SPILLED(false),
        /** Written to the spool and fsynced: waits for replay. */
        SPOOLED(false),
        /** Confirmed by the sink. */
        DELIVERED(true),
        /** Given up: rejected by the endpoint without a spool for dead letters, or out of retries. */
        FAILED(true),
        /** Written to the dead-letter file. */
        DEAD_LETTERED(true),
        /** Dropped, for the {@link DropReason} given with it. */
        DROPPED(true),
        /** Still in memory when the shutdown deadline passed. */
        LOST(true);

        private final boolean terminal;

        Fate(boolean terminal) {
            this.terminal = terminal;
        }

        /** Whether nothing more can happen to the event in this JVM. */
        public boolean terminal() {
            return terminal;
        }
    }

    /** Told each recorded fate; must be quick and thread-safe. For tests. */
    @FunctionalInterface
    public interface Observer {
        /**
         * @param fate    what happened
         * @param reason  for {@link Fate#DROPPED}, why; else {@code null}
         * @param event   the event, or {@code null} for a count without one (a corrupt stretch of the spool)
         * @param replay  whether a {@link Fate#DELIVERED} event came from the spool
         */
        void record(Fate fate, DropReason reason, Event event, boolean replay);
    }

    private static final Observer NONE = (fate, reason, event, replay) -> { };

    private final Counters counters;
    private final Observer observer;

    public Ledger(Counters counters) {
        this(counters, NONE);
    }

    public Ledger(Counters counters, Observer observer) {
        this.counters = Objects.requireNonNull(counters, "counters");
        this.observer = Objects.requireNonNull(observer, "observer");
    }

    /** The sink's counters, for reading. */
    public Counters counters() {
        return counters;
    }

    public void enqueued(Event event) {
        counters.enqueued();
        observer.record(Fate.ENQUEUED, null, event, false);
    }

    public void spilled(Event event) {
        observer.record(Fate.SPILLED, null, event, false);
    }

    public void spooled(List<Event> events) {
        counters.spooled(events.size());
        each(Fate.SPOOLED, null, events, false);
    }

    /** Confirmed by the sink; {@code replay} when they were read back from the spool (also counted {@code replayed}). */
    public void delivered(List<Event> events, boolean replay) {
        counters.delivered(events.size());
        if (replay) {
            counters.replayed(events.size());
        }
        each(Fate.DELIVERED, null, events, replay);
    }

    public void failed(List<Event> events) {
        counters.failed(events.size());
        each(Fate.FAILED, null, events, false);
    }

    public void deadLettered(List<Event> events) {
        counters.deadLettered(events.size());
        each(Fate.DEAD_LETTERED, null, events, false);
    }

    public void dropped(DropReason reason, Event event) {
        counters.dropped(reason, 1);
        observer.record(Fate.DROPPED, reason, event, false);
    }

    public void dropped(DropReason reason, List<Event> events) {
        counters.dropped(reason, events.size());
        each(Fate.DROPPED, reason, events, false);
    }

    /** Drops whose events are not at hand (a corrupt stretch of the spool, which held an unknown number). */
    public void droppedUnseen(DropReason reason, int count) {
        counters.dropped(reason, count);
        for (int i = 0; i < count; i++) {
            observer.record(Fate.DROPPED, reason, null, false);
        }
    }

    public void lost(List<Event> events) {
        counters.lost(events.size());
        each(Fate.LOST, null, events, false);
    }

    /** A batch is being sent again after a retryable failure: not a fate, an attempt. */
    public void retried() {
        counters.retried();
    }

    private void each(Fate fate, DropReason reason, List<Event> events, boolean replay) {
        if (observer != NONE) {
            for (Event event : events) {
                observer.record(fate, reason, event, replay);
            }
        }
    }
}
