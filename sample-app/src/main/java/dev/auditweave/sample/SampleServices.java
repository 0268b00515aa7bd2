package dev.auditweave.sample;

import dev.auditweave.sample.auth.AuthEnricher;
import dev.auditweave.sample.auth.AuthService;
import dev.auditweave.sample.stripe.StripeWebhookHandler;
import java.time.Clock;

/** The sample app's services, all on one database. */
public record SampleServices(UserService users, AuthService auth, OrganizationService organizations,
                             BillingService billing, KiloPassService kiloPass, SubscriptionService subscriptions,
                             OnboardingService onboarding, StripeWebhookHandler stripe, DownloadService downloads) {

    /** The services on a fresh in-memory database named {@code databaseName}, on the system clock. */
    public static SampleServices inMemory(String databaseName) {
        return inMemory(databaseName, Clock.systemUTC());
    }

    /**
     * The services on a fresh in-memory database named {@code databaseName}; sign-ups are dated by {@code clock}.
     * The {@link AuthEnricher} reads this database from now on.
     */
    public static SampleServices inMemory(String databaseName, Clock clock) {
        Database database = Database.inMemory(databaseName);
        AuthEnricher.readFrom(database);
        UserService users = new UserService(database);
        SubscriptionService subscriptions = new SubscriptionService(database);
        return new SampleServices(users, new AuthService(database, users, clock), new OrganizationService(database),
                new BillingService(database), new KiloPassService(database), subscriptions,
                new OnboardingService(database), new StripeWebhookHandler(database, subscriptions),
                new DownloadService(database));
    }
}
