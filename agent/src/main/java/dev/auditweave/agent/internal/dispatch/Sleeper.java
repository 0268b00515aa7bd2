package dev.auditweave.agent.internal.dispatch;

import java.util.concurrent.locks.LockSupport;

/**
 * How the worker waits out a backoff: parks (woken early by an unpark, for shutdown). Tests pass one that records
 * the wait and moves their {@link Ticker} instead.
 */
@FunctionalInterface
interface Sleeper {

    Sleeper PARK = LockSupport::parkNanos;

    /** Waits about {@code nanos}, or less when woken. */
    void sleep(long nanos);
}
