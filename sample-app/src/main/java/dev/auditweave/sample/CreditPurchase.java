package dev.auditweave.sample;

/** What {@link BillingService#purchaseCredits} did: this purchase and the user's running total, in microdollars. */
public record CreditPurchase(String userId, long microdollarsAcquired, long totalMicrodollarsAcquired) {
}
