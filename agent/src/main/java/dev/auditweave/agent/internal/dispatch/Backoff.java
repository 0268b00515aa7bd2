package dev.auditweave.agent.internal.dispatch;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with equal jitter: attempt n waits between half and all of
 * {@code min(max, initial * 2^(n-1))}, so that many senders recovering together spread out, yet each
 * waits at least a little. A server's {@code Retry-After} overrides the computed delay.
 *
 * <pre>{@code
 * Backoff backoff = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(30));
 * backoff.delay(3, null);                      // between 400 and 800 ms
 * new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1));   // IllegalArgumentException: max must be at least initial
 * }</pre>
 *
 * @param initial the base delay of the first retry, zero or more
 * @param max     the cap of the computed delay, at least {@code initial}
 */
public record Backoff(Duration initial, Duration max) {

    public Backoff {
        Checks.notNegative("initial", initial);
        Checks.notNegative("max", max);
        if (max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("max must be at least initial (" + initial + "), was " + max);
        }
    }

    /** How long to wait before retry number {@code retry} (1 for the first retry). */
    public Duration delay(int retry, Duration retryAfter) {
        Checks.atLeast("retry", retry, 1);
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
