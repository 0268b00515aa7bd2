package dev.auditweave.samplespring.stripe;

import dev.auditweave.annotations.EmitsAbuseEvent;
import dev.auditweave.annotations.Field;
import dev.auditweave.samplespring.EventTypes;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /webhooks/stripe}. The dispute event is declared on the endpoint itself: its key is the Stripe
 * event id, so a redelivery yields the very same event id and the receiver can drop the duplicate, and its
 * {@code occurred_at} is when Stripe created the event, not when the webhook arrived.
 */
@RestController
public class StripeWebhookController {

    private final StripeWebhookService webhooks;

    public StripeWebhookController(StripeWebhookService webhooks) {
        this.webhooks = webhooks;
    }

    @EmitsAbuseEvent(type = EventTypes.STRIPE_CHARGE_DISPUTE_CREATED,
            when = "event.type == 'charge.dispute.created'",
            occurredAt = "event.created * 1000", idempotencyKey = "event.id", data = {
            @Field(name = "id", value = "event.id"),
            @Field(name = "type", value = "event.type"),
            @Field(name = "charge", value = "event.data.object.charge"),
            @Field(name = "amount", value = "event.data.object.amount"),
            @Field(name = "reason", value = "event.data.object.reason")})
    @PostMapping("/webhooks/stripe")
    public WebhookReceipt receive(@RequestBody StripeEvent event) {
        return webhooks.process(event);
    }
}
