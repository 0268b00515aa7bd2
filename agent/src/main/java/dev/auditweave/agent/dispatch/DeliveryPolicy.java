package dev.auditweave.agent.dispatch;

import dev.auditweave.agent.config.Settings;
import java.time.Duration;

/**
 * How one sink's worker batches and retries.
 *
 * @param queueCapacity  the bounded queue's size; a full queue drops, never blocks
 * @param maxBatchEvents a batch is sent as soon as it holds this many events
 * @param maxBatchDelay  ... or when its oldest event has waited this long
 * @param maxAttempts    sends per batch, the first included, before it is given up
 * @param backoff        the wait between attempts
 */
public record DeliveryPolicy(int queueCapacity, int maxBatchEvents, Duration maxBatchDelay, int maxAttempts,
                             Backoff backoff) {

    public static DeliveryPolicy from(Settings settings) {
        return new DeliveryPolicy(settings.queueCapacity(), settings.batchMaxEvents(), settings.batchMaxDelay(),
                settings.retryMaxAttempts(), new Backoff(settings.retryInitialBackoff(), settings.retryMaxBackoff()));
    }
}
