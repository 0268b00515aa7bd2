package dev.auditweave.samplespring.stripe;

import org.springframework.data.jpa.repository.JpaRepository;

/** Webhook deliveries by Stripe event id. */
public interface ProcessedWebhookRepository extends JpaRepository<ProcessedWebhook, String> {
}
