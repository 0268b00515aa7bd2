package dev.auditweave.sample.script;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/** The Stripe webhooks the script delivers, as Stripe sends them, and the {@code data} the events carry of them. */
public final class StripePayloads {

    public static final String PAYMENT_METHOD_ATTACHED = """
            {"id": "evt_1PmAttached0001", "object": "event", "type": "payment_method.attached",
             "created": 1716000000, "livemode": false,
             "data": {"object": {"id": "pm_1Card4242", "object": "payment_method", "customer": "cus_QBob0001",
                                 "type": "card", "card": {"brand": "visa", "last4": "4242"}}}}
            """;

    public static final String DISPUTE_CREATED = """
            {"id": "evt_1DisputeCreated01", "object": "event", "type": "charge.dispute.created",
             "created": 1716000600, "livemode": false,
             "data": {"object": {"id": "dp_1Dispute0001", "object": "dispute", "amount": 2000, "currency": "usd",
                                 "charge": "ch_3Charge0001", "reason": "fraudulent", "status": "needs_response"}}}
            """;

    public static final String PAYMENT_METHOD_DETACHED = """
            {"id": "evt_1PmDetached0001", "object": "event", "type": "payment_method.detached",
             "created": 1716001200, "livemode": false,
             "data": {"object": {"id": "pm_1Card4242", "object": "payment_method", "customer": null,
                                 "type": "card", "card": {"brand": "visa", "last4": "4242"}},
                      "previous_attributes": {"customer": "cus_QBob0001"}}}
            """;

    public static final String DISPUTE_FUNDS_WITHDRAWN = """
            {"id": "evt_1DisputeFunds001", "object": "event", "type": "charge.dispute.funds_withdrawn",
             "created": 1716001800, "livemode": false,
             "data": {"object": {"id": "dp_1Dispute0001", "object": "dispute", "amount": 2000, "currency": "usd",
                                 "charge": "ch_3Charge0001", "reason": "fraudulent", "status": "needs_response"}}}
            """;

    public static final String EARLY_FRAUD_WARNING_CREATED = """
            {"id": "evt_1EarlyFraud0001", "object": "event", "type": "radar.early_fraud_warning.created",
             "created": 1716002400, "livemode": false,
             "data": {"object": {"id": "issfr_1Warning0001", "object": "radar.early_fraud_warning",
                                 "actionable": true, "charge": "ch_3Charge0002",
                                 "fraud_type": "made_with_stolen_card", "payment_intent": "pi_3Intent0002"}}}
            """;

    public static final String CHARGE_FAILED = """
            {"id": "evt_1ChargeFailed01", "object": "event", "type": "charge.failed",
             "created": 1716003000, "livemode": false,
             "data": {"object": {"id": "ch_3Charge0003", "object": "charge", "amount": 5000, "currency": "usd",
                                 "customer": "cus_QBob0001", "status": "failed", "failure_code": "card_declined",
                                 "failure_message": "Your card has insufficient funds.",
                                 "outcome": {"network_status": "declined_by_network", "reason": "insufficient_funds",
                                             "risk_level": "normal", "type": "issuer_declined"}}}}
            """;

    public static final String PAYMENT_INTENT_SUCCEEDED = """
            {"id": "evt_1PiSucceeded001", "object": "event", "type": "payment_intent.succeeded",
             "created": 1716003600, "livemode": false,
             "data": {"object": {"id": "pi_3Intent0004", "object": "payment_intent", "amount": 2500,
                                 "amount_received": 2500, "currency": "usd", "customer": "cus_QBob0001",
                                 "status": "succeeded"}}}
            """;

    private StripePayloads() {
    }

    /** The {@code data} object of a Stripe event payload, as plain maps. */
    static Map<String, Object> dataOf(String payload) {
        try {
            Map<String, Object> event = new ObjectMapper().readValue(payload, new TypeReference<>() { });
            @SuppressWarnings("unchecked")
            Map<String, Object> data = (Map<String, Object>) event.get("data");
            return data;
        } catch (Exception e) {
            throw new IllegalStateException("bad scripted payload", e);
        }
    }
}
