package dev.auditweave.it.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.auditweave.it.ChildJvm;
import dev.auditweave.it.spring.ModerationScenario.TypedData;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The sample Spring Boot application (Spring MVC, Security form login, Data JPA on H2) as a real fat jar started
 * with {@code java -jar}, five ways: under the agent on Java 17 and on Java 25, woven at build time, woven plus the
 * agent, and under a disabled agent. Each run logs in, drives {@link ModerationScenario}, stops the app with
 * SIGTERM (so the shutdown drain runs) and then checks what the loopback receiver got: exactly the expected
 * events, each once (the redelivered webhook twice, with one id), or nothing at all when auditweave is disabled.
 */
class SpringAppIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void agentOnJava17() throws Exception {
        SpringRun run = SpringRun.run(BootLaunch.agent("agent-17", ChildJvm.currentJava()));
        expectTheScenariosEvents(run);
        expectAuditweaveLinesThroughTheApplicationsLogging(run);
    }

    @Test
    void agentOnJava25() throws Exception {
        expectTheScenariosEvents(SpringRun.run(BootLaunch.agent("agent-25", ChildJvm.java25OrSkip())));
    }

    @Test
    void wovenAtBuildTimeOnJava17WithoutAgent() throws Exception {
        expectTheScenariosEvents(SpringRun.run(BootLaunch.woven("woven-17")));
    }

    @Test
    void wovenPlusAgentEmitsEachEventOnce() throws Exception {
        expectTheScenariosEvents(SpringRun.run(BootLaunch.wovenWithAgent("woven-plus-agent-17")));
    }

    @Test
    void disabledAgentOnJava25ServesAndSendsNothing() throws Exception {
        SpringRun run = SpringRun.run(BootLaunch.agent("agent-disabled-25", ChildJvm.java25OrSkip())
                .with(List.of("auditweave.enabled=false")));
        assertThat(run.requests()).as("auditweave.enabled=false: the receiver must get nothing\n%s", run.describe())
                .isEmpty();
        assertThat(run.endpoint().path("sites")).as("the endpoint still lists the sites, disabled\n%s", run.describe())
                .isNotEmpty().allSatisfy(site -> assertThat(site.path("enabled").asBoolean()).isFalse());
    }

    /**
     * Once the context started, the agent's own lines follow the application's Logback configuration (Spring
     * Boot's console pattern: {@code ... INFO <pid> --- [<app>] [<thread>] <logger> : <message>}), not the agent's
     * relocated logger on stderr.
     */
    private static void expectAuditweaveLinesThroughTheApplicationsLogging(SpringRun run) {
        assertThat(run.stdout()).as("the agent's start-up line as Spring Boot's Logback writes it\n%s", run.describe())
                .anySatisfy(line -> assertThat(line).contains(" INFO ").contains(" --- [")
                        .contains("auditweave started: sinks http"));
    }

    private static void expectTheScenariosEvents(SpringRun run) {
        List<JsonNode> events = run.events();
        assertThat(events.stream().map(SpringAppIT::typedData).toList())
                .as("events at the receiver (type + data)\n%s", run.describe())
                .containsExactlyInAnyOrderElementsOf(ModerationScenario.expectedEvents());

        List<JsonNode> disputes = events.stream()
                .filter(event -> event.path("type").asText().equals("stripe.charge.dispute.created")).toList();
        assertThat(disputes).extracting(event -> event.path("id").asText())
                .as("the redelivered webhook carries the same event id\n%s", run.describe())
                .hasSize(2).doesNotContainNull().containsOnly(disputes.get(0).path("id").asText());
        assertThat(disputes).extracting(event -> event.path("occurred_at").asLong())
                .as("occurred_at = the Stripe event's created x 1000\n%s", run.describe())
                .containsOnly(ModerationScenario.DISPUTE_CREATED_SECONDS * 1000);
        List<String> otherIds = events.stream()
                .filter(event -> !event.path("type").asText().equals("stripe.charge.dispute.created"))
                .map(event -> event.path("id").asText()).toList();
        assertThat(otherIds).as("every other event has an id of its own\n%s", run.describe())
                .doesNotContain("", disputes.get(0).path("id").asText()).doesNotHaveDuplicates();

        JsonNode endpoint = run.endpoint();
        assertThat(endpoint.path("sites")).extracting(site -> site.path("type").asText())
                .as("GET /actuator/auditweave lists every emit site, the repository interface method's included\n%s",
                        run.describe())
                .containsExactlyInAnyOrderElementsOf(ModerationScenario.expectedEvents().stream()
                        .map(TypedData::type).distinct().toList());
        assertThat(endpoint.path("sites")).allSatisfy(site -> assertThat(site.path("enabled").asBoolean())
                .as("%s", site).isTrue());
        assertThat(endpoint.path("metrics").path("captured").asLong()).as("captured so far\n%s", run.describe())
                .isEqualTo(events.size());
    }

    @SuppressWarnings("unchecked")
    private static TypedData typedData(JsonNode event) {
        Map<String, Object> data = JSON.convertValue(event.path("data"), Map.class);
        return new TypedData(event.path("type").asText(), data == null ? Map.of() : data);
    }

    /** The receiver's events as one line each, for failure messages. */
    static String lines(List<JsonNode> events) {
        return events.stream().map(JsonNode::toString).collect(Collectors.joining("\n  ", "  ", ""));
    }
}
