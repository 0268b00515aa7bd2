package dev.auditweave.agent.internal.dispatch;

import dev.auditweave.agent.internal.event.Event;
import dev.auditweave.agent.internal.log.Loggers;
import dev.auditweave.agent.internal.log.RateLimitedLogger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Fans each accepted event out to the {@link Dispatcher} of every sink whose {@link TypeFilter} takes its type, so
 * that a slow sink never delays another.
 *
 * <p>Routing runs on the calling thread, so it is made cheap: when every sink takes every type there is nothing to
 * decide; otherwise the decision (an array of dispatchers) is computed once per event type and then read from a
 * concurrent map keyed by the type string, whose hash the {@code String} caches.
 */
public final class Pipeline {

    private static final RateLimitedLogger WARN = new RateLimitedLogger(Loggers.get(Pipeline.class), 60);

    /** Event types come from annotations, so few; past this many the map stops growing and routing computes. */
    private static final int MAX_CACHED_TYPES = 4096;

    private final List<Dispatcher> dispatchers;
    private final Dispatcher[] everySink;
    private final boolean everySinkTakesEveryType;
    private final ConcurrentMap<String, Dispatcher[]> routes = new ConcurrentHashMap<>();

    public Pipeline(List<Dispatcher> dispatchers) {
        this.dispatchers = List.copyOf(dispatchers);
        this.everySink = this.dispatchers.toArray(new Dispatcher[0]);
        this.everySinkTakesEveryType = this.dispatchers.stream().allMatch(d -> d.filter().matchesAll());
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
     * Offers {@code event} to every sink that takes its type, without blocking; each sink's dispatcher records in
     * its ledger whether it took or dropped it.
     */
    public void offer(Event event) {
        Dispatcher[] targets = everySinkTakesEveryType ? everySink : route(event.type());
        for (Dispatcher dispatcher : targets) {
            dispatcher.offerOrSpill(event);
        }
    }

    /** The dispatchers whose sinks take {@code type}, computed once per type. */
    Dispatcher[] route(String type) {
        Dispatcher[] targets = routes.get(type);
        if (targets == null) {
            List<Dispatcher> matching = new ArrayList<>(everySink.length);
            for (Dispatcher dispatcher : everySink) {
                if (dispatcher.filter().matches(type)) {
                    matching.add(dispatcher);
                }
            }
            targets = matching.toArray(new Dispatcher[0]);
            if (routes.size() < MAX_CACHED_TYPES) {
                routes.putIfAbsent(type, targets);
            }
        }
        return targets;
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

    /**
     * Drains every sink within {@code timeout}; returns the number of events that could not be delivered in time
     * (each dispatcher recorded them as lost).
     */
    public int shutdown(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        dispatchers.forEach(dispatcher -> dispatcher.beginShutdown(deadline));
        int lost = 0;
        for (Dispatcher dispatcher : dispatchers) {
            int left = dispatcher.awaitShutdown();
            close(dispatcher);
            lost += left;
        }
        return lost;
    }

    /** Closes a sink after its last send; one that throws (a sink of the application's) is logged, not passed on. */
    private static void close(Dispatcher dispatcher) {
        try {
            dispatcher.sink().close();
        } catch (RuntimeException | LinkageError | AssertionError e) {
            WARN.warn("close|" + dispatcher.name(), "auditweave: sink {} threw while closing: {}", dispatcher.name(),
                    e.toString());
        }
    }
}
