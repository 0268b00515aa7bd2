package dev.auditweave.test;

import dev.auditweave.agent.EventTap;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * One test's recording: its {@link EmittedEvents} tapped into auditweave from {@link #start} to {@link #stop}.
 * Knows every recording running in the JVM, so that two that overlap (JUnit parallel execution) each learn it and
 * their assertions refuse to pass on mixed events.
 */
final class Recording {

    /** The recordings between start and stop, JVM-wide (one runtime, one set of taps). */
    private static final Set<Recording> RUNNING = new LinkedHashSet<>();

    private final EmittedEvents events;
    private final RuntimeView runtime;
    private final EventTap tap;

    private Recording(EmittedEvents events, RuntimeView runtime) {
        this.events = events;
        this.runtime = runtime;
        this.tap = events::record;
    }

    /** Taps every event from now on into a new {@link EmittedEvents} of {@code test}. */
    static Recording start(String test, RuntimeView runtime) {
        Recording recording = new Recording(new EmittedEvents(test, runtime), runtime);
        synchronized (RUNNING) {
            for (Recording other : RUNNING) {
                other.events.overlappedWith(test);
                recording.events.overlappedWith(other.events.test());
            }
            RUNNING.add(recording);
        }
        runtime.addTap(recording.tap);
        return recording;
    }

    EmittedEvents events() {
        return events;
    }

    /** Records nothing more. */
    void stop() {
        runtime.removeTap(tap);
        synchronized (RUNNING) {
            RUNNING.remove(this);
        }
    }
}
