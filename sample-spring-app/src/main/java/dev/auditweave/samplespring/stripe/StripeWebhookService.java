package dev.auditweave.samplespring.stripe;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Processes Stripe webhooks. Stripe delivers at least once, so processing is idempotent: a redelivery counts
 * the delivery and writes the same dispute again.
 */
@Service
@Transactional
public class StripeWebhookService {

    static final String DISPUTE_CREATED = "charge.dispute.created";

    private final ProcessedWebhookRepository processed;
    private final DisputeRepository disputes;

    public StripeWebhookService(ProcessedWebhookRepository processed, DisputeRepository disputes) {
        this.processed = processed;
        this.disputes = disputes;
    }

    public WebhookReceipt process(StripeEvent event) {
        ProcessedWebhook webhook = processed.findById(event.id())
                .orElseGet(() -> processed.save(new ProcessedWebhook(event.id(), event.type())));
        webhook.delivered();
        if (DISPUTE_CREATED.equals(event.type())) {
            disputes.save(new Dispute(string(event.objectValue("id")), string(event.objectValue("charge")),
                    event.objectValue("amount") instanceof Number amount ? amount.longValue() : 0L,
                    string(event.objectValue("reason"))));
        }
        return new WebhookReceipt(event.id(), webhook.getDeliveries());
    }

    private static String string(Object value) {
        return value == null ? null : value.toString();
    }
}
