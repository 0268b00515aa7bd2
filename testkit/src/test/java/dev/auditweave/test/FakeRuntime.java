package dev.auditweave.test;

import dev.auditweave.agent.EmittedEvent;
import dev.auditweave.agent.EventTap;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** A stand-in for auditweave's runtime: the test emits through {@link #emit} and says whether enrichment settles. */
final class FakeRuntime implements RuntimeView {

    final List<EventTap> taps = new CopyOnWriteArrayList<>();
    volatile boolean settles = true;
    volatile boolean sinks = true;
    volatile int settleCalls;

    void emit(String type, Map<String, Object> data) {
        EmittedEvent event = new EmittedEvent("id-" + type, type, 1L, data);
        taps.forEach(tap -> tap.emitted(event));
    }

    @Override
    public void addTap(EventTap tap) {
        taps.add(tap);
    }

    @Override
    public void removeTap(EventTap tap) {
        taps.remove(tap);
    }

    @Override
    public boolean awaitEnrichment(Duration timeout) {
        settleCalls++;
        return settles;
    }

    @Override
    public boolean hasSinks() {
        return sinks;
    }
}
