package dev.auditweave.agent.internal.sink;

import dev.auditweave.agent.internal.event.Event;
import dev.auditweave.agent.spi.SendResult;
import dev.auditweave.agent.spi.SinkEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps events in memory, for tests. With {@code auditweave.sink=memory} the runtime uses {@link #shared()}, with
 * {@code auditweave.sink.<name>.type=memory} {@link #named(String)}.
 *
 * <pre>{@code
 * Auditweave.flush(Duration.ofSeconds(5));
 * assertThat(MemorySink.shared().events()).extracting(Event::type).containsExactly("user.blocked");
 * }</pre>
 */
public final class MemorySink implements NamedSink {

    private static final java.util.concurrent.ConcurrentMap<String, MemorySink> NAMED =
            new java.util.concurrent.ConcurrentHashMap<>();
    private static final MemorySink SHARED = named("memory");

    private final String name;
    private final List<Event> events = new ArrayList<>();

    public MemorySink() {
        this("memory");
    }

    private MemorySink(String name) {
        this.name = name;
    }

    /** The instance behind {@code auditweave.sink=memory}. */
    public static MemorySink shared() {
        return SHARED;
    }

    /**
     * The instance behind the named sink {@code name} of type memory ({@code auditweave.sink.<name>.type=memory});
     * {@code named("memory")} is {@link #shared()}.
     */
    public static MemorySink named(String name) {
        return NAMED.computeIfAbsent(name, MemorySink::new);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public synchronized SendResult send(List<? extends SinkEvent> batch) {
        for (SinkEvent event : batch) {
            events.add(event instanceof Event internal ? internal
                    : new Event(event.id(), event.type(), event.occurredAt(), event.data()));
        }
        return SendResult.delivered();
    }

    /** A copy of everything received so far, in order. */
    public synchronized List<Event> events() {
        return List.copyOf(events);
    }

    public synchronized void clear() {
        events.clear();
    }
}
