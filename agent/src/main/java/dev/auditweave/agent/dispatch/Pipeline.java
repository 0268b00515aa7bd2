package dev.auditweave.agent.dispatch;

import dev.auditweave.agent.event.Event;
import dev.auditweave.agent.metrics.Counters;
import dev.auditweave.agent.metrics.DropReason;
import java.time.Duration;
import java.util.List;

/**
 * Fans each accepted event out to every sink's {@link Dispatcher}, so that a slow sink never delays another.
 */
public final class Pipeline {

    private final List<Dispatcher> dispatchers;
    private final Counters counters;

    public Pipeline(List<Dispatcher> dispatchers, Counters counters) {
        this.dispatchers = List.copyOf(dispatchers);
        this.counters = counters;
    }

    public void start() {
        dispatchers.forEach(Dispatcher::start);
    }

    public boolean isEmpty() {
        return dispatchers.isEmpty();
    }

    public List<Dispatcher> dispatchers() {
        return dispatchers;
    }

    /**
     * Offers {@code event} to every sink without blocking, counting each acceptance or drop (an event spilled
     * to a spool's overflow ring is counted by the spool once it is on disk).
     */
    public void offer(Event event) {
        for (int i = 0; i < dispatchers.size(); i++) {
            switch (dispatchers.get(i).offerOrSpill(event)) {
                case ENQUEUED -> counters.enqueued();
                case SPILLED -> {
                }
                case FULL -> counters.dropped(DropReason.QUEUE_FULL, 1);
                case STOPPED -> counters.dropped(DropReason.SHUTDOWN, 1);
                default -> throw new IllegalStateException();
            }
        }
    }

    /** Delivers what is queued now, waiting at most {@code timeout} in all. */
    public boolean flush(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean done = true;
        for (Dispatcher dispatcher : dispatchers) {
            done &= dispatcher.flush(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        }
        return done;
    }

    /** Drains every sink within {@code timeout}; returns the number of events that could not be delivered in time. */
    public int shutdown(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        dispatchers.forEach(dispatcher -> dispatcher.beginShutdown(deadline));
        int lost = 0;
        for (Dispatcher dispatcher : dispatchers) {
            lost += dispatcher.awaitShutdown();
            dispatcher.sink().close();
        }
        counters.lost(lost);
        return lost;
    }
}
