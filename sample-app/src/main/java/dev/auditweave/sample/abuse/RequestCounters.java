package dev.auditweave.sample.abuse;

import java.util.concurrent.atomic.AtomicLong;

/** Requests refused for missing or wrong CF-Access credentials. */
final class RequestCounters {

    private final AtomicLong refused = new AtomicLong();

    void refusedOne() {
        refused.incrementAndGet();
    }

    long refused() {
        return refused.get();
    }
}
