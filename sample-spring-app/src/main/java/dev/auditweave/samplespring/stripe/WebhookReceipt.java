package dev.auditweave.samplespring.stripe;

/** The webhook's answer: which event it was and how many times it has now been delivered. */
public record WebhookReceipt(String eventId, int deliveries) {
}
