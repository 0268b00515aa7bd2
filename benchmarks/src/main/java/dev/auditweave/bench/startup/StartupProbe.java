package dev.auditweave.bench.startup;

/**
 * The child JVM's main class in {@link StartupBenchmark}: prints {@code main <nanoTime>} on entry, loads (and so
 * lets the agent instrument) the sample app's annotated services, prints {@code loaded <nanoTime>}, then starts
 * the sample app's own main. Depends on nothing but the JDK: it is copied alone next to the sample app's class
 * path, so that the child sees only the sample app and, with {@code -javaagent}, the agent jar.
 */
public final class StartupProbe {

    private static final String[] ANNOTATED = {
        "dev.auditweave.sample.UserService",
        "dev.auditweave.sample.OrganizationService",
        "dev.auditweave.sample.BillingService",
        "dev.auditweave.sample.SubscriptionService",
        "dev.auditweave.sample.OnboardingService",
        "dev.auditweave.sample.stripe.StripeWebhookHandler",
    };

    private StartupProbe() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println("main " + System.nanoTime());
        System.out.flush();
        for (String name : ANNOTATED) {
            Class.forName(name, true, StartupProbe.class.getClassLoader());
        }
        System.out.println("loaded " + System.nanoTime());
        System.out.flush();
        System.exit(0);
    }
}
