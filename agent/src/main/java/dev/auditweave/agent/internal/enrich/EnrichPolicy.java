package dev.auditweave.agent.internal.enrich;

import java.time.Duration;
import java.util.Objects;

/**
 * How the enrichment stage runs: its threads ({@code auditweave.enrich.threads}), how many events may wait for them
 * or be in enrichment ({@code auditweave.enrich.queue.capacity}), and each event's time budget
 * ({@code auditweave.enrich.timeout-ms}), counted from the moment the event is handed to the stage.
 *
 * <pre>{@code
 * EnrichPolicy policy = new EnrichPolicy(2, 10_000, Duration.ofMillis(500));
 * }</pre>
 *
 * @param threads       enrichment threads, at least 1
 * @param queueCapacity events waiting or in enrichment at once, at least 1
 * @param timeout       each event's time budget for all its enrichers, positive
 */
public record EnrichPolicy(int threads, int queueCapacity, Duration timeout) {

    public EnrichPolicy {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("queueCapacity must be at least 1, was " + queueCapacity);
        }
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
    }
}
