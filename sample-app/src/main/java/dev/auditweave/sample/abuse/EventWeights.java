package dev.auditweave.sample.abuse;

import java.util.Map;
import java.util.OptionalInt;

/**
 * How many points an event of each type adds to its identity's risk score (negative points lower it). The types
 * are the abuse service's 17 of field notes §1, the two auth events ({@code auth.signup}, {@code auth.signin}) and
 * this service's own ({@link AbuseEventTypes}); any other type is unknown: accepted, stored, worth no points.
 */
public final class EventWeights {

    private static final Map<String, Integer> DEFAULTS = Map.ofEntries(
            Map.entry("user.blocked", 35),
            Map.entry("user.unblocked", -20),
            Map.entry("user.deleted", 0),
            Map.entry("user.email_changed", 10),
            Map.entry("org.member_added", 5),
            Map.entry("org.member_removed", 5),
            Map.entry("org.created", 5),
            Map.entry("org.deleted", 10),
            Map.entry("billing.credit_purchased", 5),
            Map.entry("billing.kilo_pass_changed", 0),
            Map.entry("stripe.payment_method.attached", 5),
            Map.entry("stripe.payment_method.detached", 5),
            Map.entry("stripe.charge.dispute.created", 40),
            Map.entry("stripe.charge.dispute.funds_withdrawn", 30),
            Map.entry("stripe.radar.early_fraud_warning.created", 50),
            Map.entry("stripe.charge.failed", 15),
            Map.entry("stripe.payment_intent.succeeded", 0),
            Map.entry("auth.signup", 5),
            Map.entry("auth.signin", 2),
            Map.entry(AbuseEventTypes.VERDICT_RECORDED, 0),
            Map.entry(AbuseEventTypes.VERDICT_CHANGED, 0),
            Map.entry(AbuseEventTypes.THRESHOLD_CHANGED, 0),
            Map.entry(AbuseEventTypes.SCORE_APPLIED, 0));

    private final Map<String, Integer> weights;

    private EventWeights(Map<String, Integer> weights) {
        this.weights = Map.copyOf(weights);
    }

    /** The built-in weights. */
    public static EventWeights defaults() {
        return new EventWeights(DEFAULTS);
    }

    /** The points of a known type; empty for an unknown one. */
    public OptionalInt points(String type) {
        Integer points = weights.get(type);
        return points == null ? OptionalInt.empty() : OptionalInt.of(points);
    }

    /** Every known type with its points. */
    public Map<String, Integer> all() {
        return weights;
    }
}
