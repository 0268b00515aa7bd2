package dev.auditweave.agent.internal.tx;

import dev.auditweave.agent.internal.event.Event;
import dev.auditweave.agent.internal.log.Loggers;
import dev.auditweave.agent.internal.log.RateLimitedLogger;
import dev.auditweave.agent.internal.runtime.AuditweaveRuntime;
import dev.auditweave.agent.metrics.DropReason;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The events one transaction holds until its outcome is known: released to delivery on commit, dropped (counted
 * as {@code droppedRollback}, which is not a loss) otherwise. Bounded by {@code auditweave.transaction.max-events}: past it, an event
 * is dropped at once as {@link DropReason#TRANSACTION_FULL}, so that a bulk job cannot exhaust memory.
 *
 * <p>An event may arrive after the outcome (a {@code CompletionStage} that completes once the transaction ended):
 * it then follows the outcome at once. Savepoints (Spring's {@code NESTED}) mark how many events were held, and a
 * rollback to one drops what came after it (everything, for a savepoint set before the first event). Synchronised:
 * the committing thread and a completing stage may meet.
 *
 * <pre>{@code
 * PendingEvents pending = new PendingEvents(runtime, 10_000);
 * pending.hold(event);      // inside the transaction
 * pending.committed();      // after the commit: the event is delivered
 * }</pre>
 */
public final class PendingEvents {

    private static final RateLimitedLogger WARN = new RateLimitedLogger(Loggers.get(PendingEvents.class), 60);

    private enum State { OPEN, COMMITTED, ROLLED_BACK }

    private final AuditweaveRuntime runtime;
    private final int maxEvents;
    private final List<Event> events = new ArrayList<>();
    private Map<Object, Integer> savepoints;
    private State state = State.OPEN;
    private int overflow;

    public PendingEvents(AuditweaveRuntime runtime, int maxEvents) {
        if (maxEvents < 1) {
            throw new IllegalArgumentException("maxEvents must be at least 1, was " + maxEvents);
        }
        this.runtime = runtime;
        this.maxEvents = maxEvents;
    }

    /** Holds {@code event} for the outcome, or follows an outcome already known. */
    public void hold(Event event) {
        State now;
        synchronized (this) {
            now = state;
            if (now == State.OPEN) {
                if (events.size() < maxEvents) {
                    events.add(event);
                    runtime.counters().heldForCommit();
                    return;
                }
                overflow++;
            }
        }
        switch (now) {
            case OPEN -> {
                runtime.counters().dropped(DropReason.TRANSACTION_FULL, 1);
                WARN.warn("full", "auditweave: a transaction holds {} events (auditweave.transaction.max-events);"
                        + " event {} dropped, and every further one until it ends", maxEvents, event.type());
            }
            case COMMITTED -> runtime.release(event);
            case ROLLED_BACK -> runtime.counters().droppedRollback(1);
            default -> throw new IllegalStateException(String.valueOf(now));
        }
    }

    /** The transaction committed: every held event goes to delivery, in capture order. */
    public void committed() {
        List<Event> released = end(State.COMMITTED);
        for (Event event : released) {
            runtime.release(event);
        }
    }

    /** The transaction rolled back, was rollback-only, or failed to commit: the held events are dropped. */
    public void rolledBack() {
        List<Event> dropped = end(State.ROLLED_BACK);
        if (!dropped.isEmpty()) {
            runtime.counters().droppedRollback(dropped.size());
        }
    }

    /** A savepoint was set: a rollback to it drops only what is held after this. */
    public synchronized void savepoint(Object savepoint) {
        if (savepoints == null) {
            savepoints = new IdentityHashMap<>();
        }
        savepoints.put(savepoint, events.size());
    }

    /**
     * The transaction rolled back to {@code savepoint}: what was held since it was set is dropped. A savepoint not
     * seen {@linkplain #savepoint set} here was set before the first event was held (the holder of a transaction is
     * made with its first event), so everything held is dropped. The mark stays: a savepoint can be rolled back to
     * again.
     */
    public void rolledBackTo(Object savepoint) {
        int dropped;
        synchronized (this) {
            if (state != State.OPEN) {
                return;
            }
            Integer mark = savepoints == null ? null : savepoints.get(savepoint);
            int from = mark == null ? 0 : Math.min(mark, events.size());
            dropped = events.size() - from;
            events.subList(from, events.size()).clear();
        }
        if (dropped > 0) {
            runtime.counters().droppedRollback(dropped);
        }
    }

    /** How many events are held now. */
    public synchronized int size() {
        return events.size();
    }

    private synchronized List<Event> end(State outcome) {
        if (state != State.OPEN) {
            return List.of();
        }
        state = outcome;
        if (overflow > 0) {
            WARN.warn("ended-full", "auditweave: a transaction ended after {} events were dropped past its {}"
                    + " (auditweave.transaction.max-events)", overflow, maxEvents);
        }
        List<Event> held = List.copyOf(events);
        events.clear();
        savepoints = null;
        return held;
    }
}
