package dev.auditweave.agent.sink;

import java.time.Duration;

/** The outcome of {@link Sink#send}: delivered, worth retrying, or rejected for good. */
public sealed interface SendResult permits SendResult.Delivered, SendResult.Retry, SendResult.Rejected, SendResult.Partial {

    static SendResult delivered() {
        return Delivered.INSTANCE;
    }

    /** The sink confirmed the whole batch. */
    final class Delivered implements SendResult {
        private static final Delivered INSTANCE = new Delivered();

        private Delivered() {
        }
    }

    /**
     * A failure that may pass: try again after the backoff, or after {@code retryAfter} when the server said so.
     *
     * @param reason     what happened, for the log
     * @param retryAfter the server's {@code Retry-After}, or {@code null}
     */
    record Retry(String reason, Duration retryAfter) implements SendResult {
    }

    /**
     * A failure that retrying cannot fix (a 4xx other than 429); the batch is counted as failed.
     *
     * @param reason what happened, for the log
     */
    record Rejected(String reason) implements SendResult {
    }

    /** Part of the batch was delivered; the rest is poison the endpoint will never take (dead-letter it). */
    record Partial(int delivered, java.util.List<Poison> poisoned) implements SendResult { }

    /** One event the endpoint refused for good, with why. */
    record Poison(dev.auditweave.agent.event.Event event, String reason) { }
}
