package dev.auditweave.agent.spi;

import java.util.List;

/**
 * Where events go: made by a {@link SinkProvider}, fed batches by one delivery worker thread of its own.
 *
 * <pre>{@code
 * final class LoggingSink implements Sink {
 *     private static final Logger LOG = LoggerFactory.getLogger(LoggingSink.class);
 *
 *     public SendResult send(List<? extends SinkEvent> batch) {
 *         batch.forEach(event -> LOG.info("{} {} {}", event.id(), event.type(), event.data()));
 *         return SendResult.delivered();
 *     }
 * }
 * }</pre>
 *
 * <p><b>Threads.</b> {@link #send} and {@link #close} are called from the sink's worker thread
 * ({@code auditweave-dispatch-<name>}) only, one call at a time, never from the application's threads: a sink needs
 * no locking of its own, and what it does costs the business method nothing. A slow sink delays only itself.
 *
 * <p><b>Batches.</b> A batch holds 1 to {@code auditweave.sink.<name>.batch.max-events} events, in the order they were
 * captured (per sink, except after a spool replay). Report its outcome with a {@link SendResult}:
 * {@link SendResult#delivered()} when the whole batch is durably taken; {@link SendResult#retry} for a failure that
 * may pass (the worker retries after a backoff, or spools the batch when {@code auditweave.spool.dir} is set);
 * {@link SendResult#rejected} for a batch that will never be taken; {@link SendResult#partial} when some events were
 * taken and the others refused for good (those are dead-lettered). Delivery is at least once: a batch may be sent
 * again after a retryable failure, so a receiver should de-duplicate by {@link SinkEvent#id()}.
 *
 * <p><b>Blocking and time.</b> A send may block on I/O, but bounded: give every network call a timeout. While a send
 * runs, the sink's queue fills (new events go to the spool after 100 ms when there is one); at shutdown a send still
 * running when the deadline comes is interrupted. A sink that retries by itself (a client library with its own
 * retries) should give up within its own timeout and return {@link SendResult#retry}.
 *
 * <p><b>Exceptions.</b> Report failures as results. A sink that throws anyway never reaches the application: the
 * batch counts as rejected ({@code failed}, or dead-lettered with a spool), one warning is logged at most once a
 * minute, and the next batch is sent as usual.
 */
public interface Sink {

    /**
     * Sends one batch; never called with an empty one.
     *
     * @param batch the events, unmodifiable; the list and its events may be kept after the call
     * @return the outcome, never {@code null} (a {@code null} counts as rejected)
     */
    SendResult send(List<? extends SinkEvent> batch);

    /**
     * Releases what the sink holds (connections, files), at shutdown, after its last {@link #send}. An exception
     * is logged and ignored.
     */
    default void close() {
    }
}
