package dev.auditweave.samplespring.stripe;

import java.util.Map;

/**
 * A Stripe webhook event, as much of it as the application reads: its id ({@code evt_...}, the same on every
 * redelivery), its type, when Stripe created it (epoch seconds) and the object it is about.
 */
public record StripeEvent(String id, String type, long created, Data data) {

    /** The event's {@code data}: {@code object} is the Stripe object (a dispute, a payment method, ...). */
    public record Data(Map<String, Object> object) {
    }

    /** The value of {@code key} in the event's object, or {@code null}. */
    public Object objectValue(String key) {
        return data == null || data.object() == null ? null : data.object().get(key);
    }
}
