package dev.auditweave.agent.spi;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of {@link Sink#send}: delivered, worth retrying (all of it, or the rest after some events were
 * settled), rejected for good, or delivered in part with the rest poison. The delivery core keeps a batch's
 * progress between attempts, so a sink keeps no state from one send to the next.
 *
 * <pre>{@code
 * try {
 *     client.post(body(batch));
 *     return SendResult.delivered();
 * } catch (java.net.http.HttpTimeoutException e) {
 *     return SendResult.retry("timed out: " + e.getMessage());
 * }
 * }</pre>
 */
public sealed interface SendResult {

    /** The whole batch was taken. */
    static SendResult delivered() {
        return Delivered.INSTANCE;
    }

    /** A failure that may pass: the batch is sent again after the backoff (or spooled). */
    static SendResult retry(String reason) {
        return new Retry(reason, null);
    }

    /** As {@link #retry(String)}, not before {@code retryAfter} (a server's {@code Retry-After}). */
    static SendResult retry(String reason, Duration retryAfter) {
        return new Retry(reason, Objects.requireNonNull(retryAfter, "retryAfter"));
    }

    /**
     * A failure that may pass, after part of the batch was settled: {@code delivered} were taken, {@code poisoned}
     * refused for good. Only the rest of the batch is sent again, after the backoff or from the spool. Events that are
     * not of the batch are ignored.
     *
     * <pre>{@code
     * // the first half went through, the second timed out
     * return SendResult.retryRest(batch.subList(0, half), List.of(), new SendResult.Retry("timed out", null));
     * }</pre>
     */
    static SendResult retryRest(List<? extends SinkEvent> delivered, List<Poison> poisoned, Retry retry) {
        return new RetryRest(List.copyOf(delivered), poisoned, retry);
    }

    /** A batch that no retry can make acceptable: counted {@code failed}, or dead-lettered with a spool. */
    static SendResult rejected(String reason) {
        return new Rejected(reason);
    }

    /**
     * {@code delivered} events were taken, the {@code poisoned} ones refused for good (dead-lettered with a spool,
     * else dropped as {@code POISON_NO_SPOOL}); each must be an event of the batch.
     */
    static SendResult partial(int delivered, List<Poison> poisoned) {
        return new Partial(delivered, poisoned);
    }

    /** The sink confirmed the whole batch. */
    final class Delivered implements SendResult {
        private static final Delivered INSTANCE = new Delivered();

        private Delivered() {
        }

        @Override
        public String toString() {
            return "Delivered";
        }
    }

    /**
     * A failure that may pass: try again after the backoff, or after {@code retryAfter} when the server said so.
     *
     * @param reason     what happened, for the log
     * @param retryAfter the server's {@code Retry-After}, or {@code null}
     */
    record Retry(String reason, Duration retryAfter) implements SendResult {

        /** @throws NullPointerException without a reason; IllegalArgumentException for a negative retryAfter */
        public Retry {
            Objects.requireNonNull(reason, "reason");
            if (retryAfter != null && retryAfter.isNegative()) {
                throw new IllegalArgumentException("retryAfter must not be negative, was " + retryAfter);
            }
        }
    }

    /**
     * A failure that may pass, after part of the batch was settled; see {@link #retryRest}.
     *
     * @param delivered the events of the batch that were taken
     * @param poisoned  the events of the batch refused for good
     * @param retry     why the rest failed, and when to try again
     */
    record RetryRest(List<SinkEvent> delivered, List<Poison> poisoned, Retry retry) implements SendResult {

        /** @throws NullPointerException for a null list, element or retry */
        public RetryRest {
            delivered = List.copyOf(delivered);
            poisoned = List.copyOf(poisoned);
            Objects.requireNonNull(retry, "retry");
        }
    }

    /**
     * A failure that retrying cannot fix (a 4xx other than 429); the batch is counted as failed.
     *
     * @param reason what happened, for the log
     */
    record Rejected(String reason) implements SendResult {

        /** @throws NullPointerException without a reason */
        public Rejected {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * Part of the batch was delivered; the rest is poison the endpoint will never take (dead-letter it).
     *
     * @param delivered how many events were taken, for the log (the dispatcher counts every event of the batch not
     *                  in {@code poisoned} as delivered)
     * @param poisoned  the events refused for good, each an event of the batch
     */
    record Partial(int delivered, List<Poison> poisoned) implements SendResult {

        /** @throws IllegalArgumentException for a negative count; NullPointerException for a null list or element */
        public Partial {
            if (delivered < 0) {
                throw new IllegalArgumentException("delivered must not be negative, was " + delivered);
            }
            poisoned = List.copyOf(poisoned);
        }
    }

    /**
     * One event the endpoint refused for good, with why.
     *
     * @param event  the refused event, as the batch held it
     * @param reason the endpoint's answer, kept with the dead letter
     */
    record Poison(SinkEvent event, String reason) {

        /** @throws NullPointerException without an event or a reason */
        public Poison {
            Objects.requireNonNull(event, "event");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
