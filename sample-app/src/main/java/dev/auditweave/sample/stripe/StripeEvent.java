package dev.auditweave.sample.stripe;

import java.util.Map;

/**
 * A Stripe webhook event, as much of it as the handler reads: its id ({@code evt_...}, the same on every
 * redelivery), its type, when Stripe created it (epoch seconds) and the object it is about.
 */
public record StripeEvent(String id, String type, long created, Data data) {

    /** The event's {@code data}: {@code object} is the Stripe object (a payment method, a dispute, ...). */
    public record Data(Map<String, Object> object) {
    }

    /** The string value of {@code key} in the event's object, or {@code null}. */
    public String objectString(String key) {
        Object value = data == null || data.object() == null ? null : data.object().get(key);
        return value == null ? null : value.toString();
    }

    /** The numeric value of {@code key} in the event's object, or 0. */
    public long objectLong(String key) {
        Object value = data == null || data.object() == null ? null : data.object().get(key);
        return value instanceof Number number ? number.longValue() : 0L;
    }
}
