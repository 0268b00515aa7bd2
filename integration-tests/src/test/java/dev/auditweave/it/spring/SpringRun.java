package dev.auditweave.it.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.auditweave.it.spring.TransactionScenario.Counts;
import dev.auditweave.it.spring.TransactionScenario.Step;
import dev.auditweave.testing.LoopbackReceiver;
import dev.auditweave.testing.LoopbackReceiver.Request;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One finished run of the sample app: launched with auditweave's http sink pointed at a fresh loopback receiver,
 * logged into, driven through {@link ModerationScenario}, {@link TransactionScenario} and
 * {@link EnrichmentScenario}, stopped with SIGTERM. What the receiver got is read only
 * after the child exited, so it is final: the shutdown drain has happened.
 */
final class SpringRun {

    /** Generous for two shared cores: a Spring Boot start with Hibernate takes 5 to 25 s there. */
    static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    /** The JVM's exit code after SIGTERM (128 + 15). */
    static final int EXIT_ON_SIGTERM = 143;

    private final String description;
    private final List<JsonNode> events;
    private final List<Request> requests;
    private final JsonNode endpoint;
    private final List<String> stdout;
    private final Map<Step, Counts> transactionSteps;
    private final Map<EnrichmentScenario.Step, EnrichmentScenario.Counts> enrichmentSteps;

    private SpringRun(String description, List<JsonNode> events, List<Request> requests, JsonNode endpoint,
                      List<String> stdout, Map<Step, Counts> transactionSteps,
                      Map<EnrichmentScenario.Step, EnrichmentScenario.Counts> enrichmentSteps) {
        this.description = description;
        this.events = events;
        this.requests = requests;
        this.endpoint = endpoint;
        this.stdout = stdout;
        this.transactionSteps = transactionSteps;
        this.enrichmentSteps = enrichmentSteps;
    }

    /** auditweave's configuration for a run: the http sink to {@code receiver}, short batches. */
    static List<String> httpSink(LoopbackReceiver receiver) {
        return List.of("auditweave.sink=http", "auditweave.http.url=" + receiver.url(),
                "auditweave.batch.max-delay-ms=100");
    }

    /** Runs {@code launch}; {@code emits}: whether it sends events at all (not when auditweave is disabled). */
    static SpringRun run(BootLaunch launch, boolean emits) throws Exception {
        try (LoopbackReceiver receiver = LoopbackReceiver.start();
             BootApp app = BootApp.launch(launch.with(httpSink(receiver))
                     .with(EnrichmentScenario.LAUNCH_PROPERTIES))) {
            app.awaitServing(START_TIMEOUT);
            System.out.printf("spring-app %s: start-up %d ms (JVM launch to first HTTP 200)%n", launch.name(),
                    app.startupMillis());
            SampleAppSession session = SampleAppSession.logIn(app.base(), BootApp.PASSWORD);
            ModerationScenario.drive(session, app::describe);
            Map<Step, Counts> transactionSteps = TransactionScenario.drive(session, app::describe);
            Map<EnrichmentScenario.Step, EnrichmentScenario.Counts> enrichmentSteps =
                    EnrichmentScenario.drive(session, receiver, emits, app::describe);
            JsonNode endpoint = session.auditweaveEndpoint();
            int exit = app.stop(STOP_TIMEOUT);
            List<JsonNode> events = receiver.events();
            List<Request> requests = receiver.requests();
            String description = app.describe() + "\n--- receiver: " + requests.size() + " requests, "
                    + events.size() + " events:\n" + SpringAppIT.lines(events);
            assertThat(exit).as("exit code after SIGTERM (graceful stop)\n%s", description)
                    .isIn(0, EXIT_ON_SIGTERM);
            return new SpringRun(description + "\n--- /actuator/auditweave: " + endpoint, events, requests, endpoint,
                    app.stdout(), Map.copyOf(transactionSteps), Map.copyOf(enrichmentSteps));
        }
    }

    List<JsonNode> events() {
        return events;
    }

    List<Request> requests() {
        return requests;
    }

    /** The application's stdout, where Spring Boot's Logback writes. */
    List<String> stdout() {
        return stdout;
    }

    /** What each step of {@link TransactionScenario} added to the endpoint's counters. */
    Counts counted(Step step) {
        return transactionSteps.get(step);
    }

    /** What each step of {@link EnrichmentScenario} added to the endpoint's counters. */
    EnrichmentScenario.Counts counted(EnrichmentScenario.Step step) {
        return enrichmentSteps.get(step);
    }

    /** What {@code GET /actuator/auditweave} answered after the scenarios, before the stop. */
    JsonNode endpoint() {
        return endpoint;
    }

    String describe() {
        return description;
    }
}
