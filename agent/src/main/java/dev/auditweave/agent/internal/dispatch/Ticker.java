package dev.auditweave.agent.internal.dispatch;

/**
 * The delivery core's source of time, a {@link System#nanoTime()} stand-in: tests pass one they move themselves, so
 * that backoff, {@code Retry-After} and deadlines are tested without sleeping.
 */
@FunctionalInterface
interface Ticker {

    Ticker SYSTEM = System::nanoTime;

    long nanoTime();
}
