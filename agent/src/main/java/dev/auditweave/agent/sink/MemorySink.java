package dev.auditweave.agent.sink;

import dev.auditweave.agent.event.Event;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps events in memory, for tests. With {@code auditweave.sink=memory} the runtime uses {@link #shared()}.
 *
 * <pre>{@code
 * Auditweave.flush(Duration.ofSeconds(5));
 * assertThat(MemorySink.shared().events()).extracting(Event::type).containsExactly("user.blocked");
 * }</pre>
 */
public final class MemorySink implements Sink {

    private static final MemorySink SHARED = new MemorySink();

    private final List<Event> events = new ArrayList<>();

    /** The instance behind {@code auditweave.sink=memory}. */
    public static MemorySink shared() {
        return SHARED;
    }

    @Override
    public String name() {
        return "memory";
    }

    @Override
    public synchronized SendResult send(List<Event> batch) {
        events.addAll(batch);
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
