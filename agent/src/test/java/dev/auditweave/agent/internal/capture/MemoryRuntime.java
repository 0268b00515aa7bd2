package dev.auditweave.agent.internal.capture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditweave.agent.internal.config.Settings;
import dev.auditweave.agent.internal.event.Event;
import dev.auditweave.agent.internal.runtime.AuditweaveRuntime;
import dev.auditweave.agent.internal.sink.MemorySink;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What the capture tests emit into: a fresh current runtime (no batch delay) whose one sink keeps the events in
 * memory. One per test, made where the test class's fields are.
 *
 * <pre>{@code
 * private final MemoryRuntime memory = MemoryRuntime.start();
 * ...
 * assertThat(memory.events()).extracting(Event::type).containsExactly("user.blocked");
 * }</pre>
 */
record MemoryRuntime(AuditweaveRuntime runtime, MemorySink sink) {

    static MemoryRuntime start() {
        MemorySink sink = new MemorySink();
        return new MemoryRuntime(AuditweaveRuntime.replace(
                Settings.defaults().with(Map.of("auditweave.batch.max-delay-ms", "0")), List.of(sink)), sink);
    }

    /** Every event delivered so far, after waiting for what was captured to be delivered. */
    List<Event> events() {
        assertThat(runtime.flush(Duration.ofSeconds(10))).isTrue();
        return sink.events();
    }
}
