package dev.auditweave.sample.abuse;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the sample abuse service until the JVM is stopped (Ctrl-C). Prints one line,
 * {@code abuse service listening on http://127.0.0.1:<port>/}, when it is ready. Options: {@link AbuseServiceConfig}.
 *
 * <pre>{@code
 * ABUSE_SERVICE_CF_ACCESS_CLIENT_ID=id ABUSE_SERVICE_CF_ACCESS_CLIENT_SECRET=secret \
 *   java -javaagent:agent/target/auditweave-agent.jar -cp 'sample-app/target/*:sample-app/target/lib/*' \
 *   dev.auditweave.sample.abuse.AbuseServiceMain --port 8085 --allow 10.0.0.0/8 --editor ops@example.com=*
 * }</pre>
 */
public final class AbuseServiceMain {

    /** The start of the line printed once the service listens. */
    public static final String READY = "abuse service listening on ";
    /** When set (a {@code whsec_} secret), events must carry a good Standard Webhooks signature. */
    public static final String WEBHOOK_SECRET_VARIABLE = "ABUSE_SERVICE_WEBHOOK_SECRET";

    private AbuseServiceMain() {
    }

    public static void main(String[] args) throws Exception {
        AbuseServiceConfig config;
        try {
            config = AbuseServiceConfig.parse(List.of(args), System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("abuse service: " + e.getMessage());
            System.exit(2);
            return;
        }
        String secret = System.getenv(WEBHOOK_SECRET_VARIABLE);
        WebhookVerifier verifier = secret == null || secret.isBlank() ? null
                : WebhookVerifier.of(secret, Clock.systemUTC());
        AbuseService service = AbuseService.start(config, Clock.systemUTC(), verifier);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.close();
            stopped.countDown();
        }, "abuse-service-stop"));
        System.out.println(READY + service.pageUrl());
        stopped.await();
    }
}
