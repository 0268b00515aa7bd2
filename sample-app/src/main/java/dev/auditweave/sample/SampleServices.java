package dev.auditweave.sample;

import dev.auditweave.sample.stripe.StripeWebhookHandler;

/** The sample app's services, all on one database. */
public record SampleServices(UserService users, OrganizationService organizations, BillingService billing,
                             KiloPassService kiloPass, SubscriptionService subscriptions,
                             OnboardingService onboarding, StripeWebhookHandler stripe) {

    /** The services on a fresh in-memory database named {@code databaseName}. */
    public static SampleServices inMemory(String databaseName) {
        Database database = Database.inMemory(databaseName);
        SubscriptionService subscriptions = new SubscriptionService(database);
        return new SampleServices(new UserService(database), new OrganizationService(database),
                new BillingService(database), new KiloPassService(database), subscriptions,
                new OnboardingService(database), new StripeWebhookHandler(database, subscriptions));
    }
}
