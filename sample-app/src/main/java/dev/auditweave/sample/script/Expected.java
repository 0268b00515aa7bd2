package dev.auditweave.sample.script;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An event the script expects the receiver to get, or (as a pattern in {@link Step#notSent()}) one it must
 * not get more often than the script expects it.
 *
 * @param type        the event type, one of {@code EventTypes}
 * @param data        the expected {@code data}; a {@code null} value means "null or absent". As an expectation
 *                    it is the whole data object; as a not-sent pattern only these keys are compared.
 * @param occurredAt  the exact expected {@code occurred_at} (epoch ms) when the annotation names a time source;
 *                    {@code null} means "the moment the method returned", checked against the run's time window
 * @param idempotent  the annotation has an idempotency key: the id must be the same in every run and mode
 * @param redelivery  this expectation is a redelivery of an earlier one: it arrives with the same id, as a
 *                    duplicate the receiver drops
 */
public record Expected(String type, Map<String, Object> data, Long occurredAt, boolean idempotent,
                       boolean redelivery) {

    public Expected {
        data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
    }

    /** An event of {@code type} whose data are the given key/value pairs ({@code null} values allowed). */
    public static Expected event(String type, Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("keys and values come in pairs");
        }
        Map<String, Object> data = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            data.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return new Expected(type, data, null, false, false);
    }

    /** The same, with an extra data entry. */
    public Expected with(String key, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(data);
        more.put(key, value);
        return new Expected(type, more, occurredAt, idempotent, redelivery);
    }

    /** The same, expected at exactly {@code epochMillis} and with an idempotency key. */
    public Expected idempotentAt(long epochMillis) {
        return new Expected(type, data, epochMillis, true, redelivery);
    }

    /** The same event delivered again: same id, received as a duplicate. */
    public Expected redelivered() {
        return new Expected(type, data, occurredAt, idempotent, true);
    }

    /** {@code type {k=v, ...}}, for reports. */
    public String describe() {
        return type + " " + data;
    }
}
