package dev.auditweave.agent.internal.capture;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Date;

/** Converts what an {@code occurredAt} expression yields into epoch milliseconds. */
final class EpochMillis {

    private EpochMillis() {
    }

    /** The epoch milliseconds of {@code value}, or {@code fallback} when it is {@code null}. */
    static long of(Object value, long fallback) {
        if (value == null) {
            return fallback;
        }
        if (value instanceof Number number) {
            return number instanceof Double || number instanceof Float
                    ? Math.round(number.doubleValue()) : number.longValue();
        }
        if (value instanceof Instant instant) {
            return instant.toEpochMilli();
        }
        if (value instanceof Date date) {
            return date.getTime();
        }
        if (value instanceof OffsetDateTime time) {
            return time.toInstant().toEpochMilli();
        }
        if (value instanceof ZonedDateTime time) {
            return time.toInstant().toEpochMilli();
        }
        throw new IllegalArgumentException("occurredAt yielded a " + value.getClass().getName()
                + ", expected epoch milliseconds or an Instant");
    }
}
