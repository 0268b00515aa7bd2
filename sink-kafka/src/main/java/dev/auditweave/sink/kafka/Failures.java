package dev.auditweave.sink.kafka;

import org.apache.kafka.common.errors.ApiException;
import org.apache.kafka.common.errors.RetriableException;

/**
 * Whether the failure of one record may pass. A {@link RetriableException} (the broker unreachable, no leader, a
 * timeout, not enough replicas) may, and so may anything that is not the broker's answer about this record (an
 * interrupted send, a producer in a bad state): the delivery core retries and spools. An {@link ApiException} that is
 * not retriable (a record too large, a topic the producer may not write, an invalid topic) is the broker's final word
 * on the record: it is poison, dead-lettered by the core.
 */
final class Failures {

    private Failures() {
    }

    /** Whether {@code failure} of one record is the broker's final refusal. */
    static boolean isFinal(Throwable failure) {
        return failure instanceof ApiException && !(failure instanceof RetriableException);
    }

    /** One line for a log or a dead letter: the exception's simple class name and message. */
    static String describe(Throwable failure) {
        String message = failure.getMessage();
        return failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
