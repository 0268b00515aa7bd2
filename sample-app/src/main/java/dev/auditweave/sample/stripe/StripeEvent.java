package dev.auditweave.sample.stripe;

import java.util.Map;

/**
 * A Stripe webhook event, as much of it as the handler reads: its id ({@code evt_...}, the same on every
 * redelivery), its type, when Stripe created it (epoch seconds) and the object it is about.
 */
public record StripeEvent(String id, String type, long created, Data data) {

    /**
     * The event's {@code data}: {@code object} is the Stripe object (a payment method, a dispute, ...);
     * {@code previous_attributes}, on {@code *.updated} and {@code *.detached} events, the values it had before.
     * The component keeps Stripe's name, so that a passthrough of {@code event.data} keeps Stripe's keys.
     */
    public record Data(Map<String, Object> object, Map<String, Object> previous_attributes) {
    }

    /** The string value of {@code key} in the event's object, or {@code null}. */
    public String objectString(String key) {
        Object value = objectValue(key);
        return value == null ? null : value.toString();
    }

    /** The numeric value of {@code key} in the event's object, or 0. */
    public long objectLong(String key) {
        return objectValue(key) instanceof Number number ? number.longValue() : 0L;
    }

    /** The string value of {@code key} in the map {@code map} of the event's object (its {@code metadata}), or {@code null}. */
    public String objectString(String map, String key) {
        Object value = objectValue(map) instanceof Map<?, ?> inner ? inner.get(key) : null;
        return value == null ? null : value.toString();
    }

    private Object objectValue(String key) {
        return data == null || data.object() == null ? null : data.object().get(key);
    }
}
