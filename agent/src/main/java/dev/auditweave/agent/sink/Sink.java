package dev.auditweave.agent.sink;

import dev.auditweave.agent.event.Event;
import java.util.List;

/**
 * Where events go. Called only from one dispatch worker thread, never from the application's threads.
 *
 * <pre>{@code
 * final class StdoutSink implements Sink {
 *     public String name() { return "stdout"; }
 *     public SendResult send(List<Event> batch) { batch.forEach(e -> log(e)); return SendResult.delivered(); }
 * }
 * }</pre>
 */
public interface Sink {

    /** A short name for logs and thread names, e.g. {@code "http"}. */
    String name();

    /**
     * Sends one batch. Reports the outcome instead of throwing: {@link SendResult.Retry} for what may work
     * later (I/O error, 5xx, 429), {@link SendResult.Rejected} for what never will.
     */
    SendResult send(List<Event> batch);

    /** Releases resources at shutdown, after the last {@link #send}. */
    default void close() {
    }
}
