package dev.auditweave.test;

import java.time.Duration;
import java.util.Objects;

/** How long assertions wait for events that come later, and how a message names that time. */
final class Waiting {

    /** How long an assertion waits for an event that may come later (another thread, a commit, enrichment). */
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    private Waiting() {
    }

    /** {@code timeout} itself, when it is a usable timeout. */
    static Duration checked(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must not be negative, was " + timeout);
        }
        return timeout;
    }

    /** {@code 5 s}, {@code 250 ms}. */
    static String text(Duration timeout) {
        long millis = timeout.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }
}
