package dev.auditweave.agent.internal.dispatch;

import dev.auditweave.agent.internal.config.ConfigKeys;
import dev.auditweave.agent.internal.config.Settings;
import java.time.Duration;

/**
 * How one sink's worker batches and retries. Every component is checked when the policy is built, so that an
 * invalid policy cannot exist (a batch of 0 events would make the worker spin): the message names the component
 * and the value.
 *
 * <pre>{@code
 * DeliveryPolicy policy = new DeliveryPolicy(262_144, 64L << 20, 500, Duration.ofSeconds(1), 5,
 *         new Backoff(Duration.ofMillis(200), Duration.ofSeconds(30)));
 * new DeliveryPolicy(262_144, 64L << 20, 0, ...);   // IllegalArgumentException: maxBatchEvents must be at least 1, was 0
 * }</pre>
 *
 * @param queueCapacity  the most events the queue holds, at least 1; a full queue drops, never blocks
 * @param queueMaxBytes  the most (estimated) heap the queued events may hold, at least 1024
 * @param maxBatchEvents a batch is sent as soon as it holds this many events, at least 1
 * @param maxBatchDelay  ... or when its oldest event has waited this long, zero or more
 * @param maxAttempts    sends per batch, the first included, before it is given up, at least 1
 * @param backoff        the wait between attempts
 */
public record DeliveryPolicy(int queueCapacity, long queueMaxBytes, int maxBatchEvents, Duration maxBatchDelay,
                             int maxAttempts, Backoff backoff) {

    /** The default of {@code auditweave.queue.max-bytes}: 64 MiB. */
    public static final long DEFAULT_QUEUE_MAX_BYTES = 64L << 20;

    public DeliveryPolicy {
        Checks.atLeast("queueCapacity", queueCapacity, 1);
        Checks.atLeast("queueMaxBytes", queueMaxBytes, 1024);
        Checks.atLeast("maxBatchEvents", maxBatchEvents, 1);
        Checks.notNegative("maxBatchDelay", maxBatchDelay);
        Checks.atLeast("maxAttempts", maxAttempts, 1);
        Checks.notNull("backoff", backoff);
    }

    /** A policy whose queue is bounded by count only (and the default {@link #DEFAULT_QUEUE_MAX_BYTES}). */
    public DeliveryPolicy(int queueCapacity, int maxBatchEvents, Duration maxBatchDelay, int maxAttempts,
                          Backoff backoff) {
        this(queueCapacity, DEFAULT_QUEUE_MAX_BYTES, maxBatchEvents, maxBatchDelay, maxAttempts, backoff);
    }

    public static DeliveryPolicy from(Settings settings) {
        return new DeliveryPolicy(settings.queueCapacity(), settings.get(ConfigKeys.QUEUE_MAX_BYTES),
                settings.batchMaxEvents(), settings.batchMaxDelay(), settings.retryMaxAttempts(),
                new Backoff(settings.retryInitialBackoff(), settings.retryMaxBackoff()));
    }
}
