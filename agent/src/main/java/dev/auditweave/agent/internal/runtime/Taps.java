package dev.auditweave.agent.internal.runtime;

import dev.auditweave.agent.EmittedEvent;
import dev.auditweave.agent.EventTap;
import dev.auditweave.agent.internal.event.Event;
import dev.auditweave.agent.internal.log.Loggers;
import dev.auditweave.agent.internal.log.RateLimitedLogger;
import dev.auditweave.agent.internal.metrics.Counters;
import java.util.Arrays;
import java.util.Objects;

/**
 * The {@link EventTap}s added with {@code Auditweave.addTap}, shown every event the runtime releases to delivery.
 * One registry for the JVM's runtime, kept across restarts of it (a Spring context starting auditweave anew), as
 * the enrichers are.
 *
 * <p>With no tap, {@link #show} costs one volatile read. Each event is shown as one {@link EmittedEvent}, built
 * once for all taps; a tap that throws is counted as a capture error and logged, rate-limited, and the other taps
 * still see the event.
 *
 * <pre>{@code
 * Taps.add(seen::add);
 * Taps.show(event, counters);    // where the runtime hands the event to its sinks' queues
 * }</pre>
 */
public final class Taps {

    private static final RateLimitedLogger WARN = new RateLimitedLogger(Loggers.get(Taps.class), 60);
    private static final EventTap[] NONE = new EventTap[0];

    /** Replaced whole on every change (copy on write), so that {@link #show} reads it once, without a lock. */
    private static volatile EventTap[] taps = NONE;

    private Taps() {
    }

    /** Adds {@code tap}; adding the same instance twice shows it each event twice. */
    public static synchronized void add(EventTap tap) {
        Objects.requireNonNull(tap, "tap");
        EventTap[] grown = Arrays.copyOf(taps, taps.length + 1);
        grown[grown.length - 1] = tap;
        taps = grown;
    }

    /** Removes {@code tap}, this very instance (once, if it was added twice); nothing when it was not added. */
    public static synchronized void remove(EventTap tap) {
        EventTap[] current = taps;
        for (int i = 0; i < current.length; i++) {
            if (current[i] == tap) {
                EventTap[] shrunk = new EventTap[current.length - 1];
                System.arraycopy(current, 0, shrunk, 0, i);
                System.arraycopy(current, i + 1, shrunk, i, current.length - i - 1);
                taps = shrunk;
                return;
            }
        }
    }

    /** Shows {@code event} to every tap; never throws. */
    public static void show(Event event, Counters counters) {
        EventTap[] current = taps;
        if (current.length == 0) {
            return;
        }
        EmittedEvent emitted;
        try {
            emitted = new EmittedEvent(event.id(), event.type(), event.occurredAt(), event.data());
        } catch (Throwable t) {
            counters.captureError();
            WARN.warn("copy", "auditweave: event {} not shown to the event taps: {}", event.type(), t.toString());
            return;
        }
        for (EventTap tap : current) {
            try {
                tap.emitted(emitted);
            } catch (Throwable t) {
                counters.captureError();
                WARN.warn("tap|" + tap.getClass().getName(), "auditweave: event tap {} threw {} for event {};"
                        + " the event is delivered regardless", tap.getClass().getName(), t.toString(), event.type());
            }
        }
    }
}
