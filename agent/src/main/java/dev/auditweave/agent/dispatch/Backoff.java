package dev.auditweave.agent.dispatch;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with equal jitter: attempt n waits between half and all of
 * {@code min(max, initial * 2^(n-1))}, so that many senders recovering together spread out, yet each
 * waits at least a little. A server's {@code Retry-After} overrides the computed delay.
 *
 * @param initial the base delay of the first retry
 * @param max     the cap of the computed delay
 */
public record Backoff(Duration initial, Duration max) {

    /** How long to wait before retry number {@code retry} (1 for the first retry). */
    public Duration delay(int retry, Duration retryAfter) {
        if (retryAfter != null) {
            return retryAfter.isNegative() ? Duration.ZERO : retryAfter;
        }
        long cap = max.toNanos();
        long base = initial.toNanos();
        long exponential = retry >= 62 ? cap : Math.min(cap, base << Math.max(0, retry - 1));
        if (exponential < 0) {
            exponential = cap;
        }
        long half = exponential / 2;
        return Duration.ofNanos(half + ThreadLocalRandom.current().nextLong(half + 1));
    }
}
