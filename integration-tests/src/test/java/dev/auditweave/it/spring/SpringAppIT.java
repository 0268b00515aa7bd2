package dev.auditweave.it.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.auditweave.it.ChildJvm;
import dev.auditweave.it.spring.ModerationScenario.TypedData;
import dev.auditweave.it.spring.TransactionScenario.Step;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opentest4j.TestAbortedException;

/**
 * The sample Spring Boot application (Spring MVC, Security form login, Data JPA on H2) as a real fat jar started
 * with {@code java -jar}, five ways ({@link Way}): under the agent on Java 17 and on Java 25, woven at build time,
 * woven plus the agent, and under a disabled agent. Each way's app is started once and shared by the tests of that
 * way: it logs in, drives {@link ModerationScenario}, {@link TransactionScenario} and {@link EnrichmentScenario},
 * stops the app with SIGTERM
 * (so the shutdown drain runs), and the tests then check what the loopback receiver got: exactly the expected
 * events, each once (the redelivered webhook twice, with one id), none of a transaction that did not commit, or
 * nothing at all when auditweave is disabled.
 */
class SpringAppIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SIGNIN = "auth.signin";

    /** The five ways the fat jars run. */
    enum Way {
        AGENT_17, AGENT_25, WOVEN_17, WOVEN_PLUS_AGENT_17, DISABLED_AGENT_25;

        BootLaunch launch() {
            return switch (this) {
                case AGENT_17 -> BootLaunch.agent("agent-17", ChildJvm.currentJava());
                case AGENT_25 -> BootLaunch.agent("agent-25", ChildJvm.java25OrSkip());
                case WOVEN_17 -> BootLaunch.woven("woven-17");
                case WOVEN_PLUS_AGENT_17 -> BootLaunch.wovenWithAgent("woven-plus-agent-17");
                case DISABLED_AGENT_25 -> BootLaunch.agent("agent-disabled-25", ChildJvm.java25OrSkip())
                        .with(List.of("auditweave.enabled=false"));
            };
        }

        /** Whether auditweave sends events in this way. */
        boolean emits() {
            return this != DISABLED_AGENT_25;
        }
    }

    /** Per way, its finished {@link SpringRun}, or what stopped it (a failure, or a skip: no Java 25). */
    private static final Map<Way, Object> RUNS = new EnumMap<>(Way.class);

    /** The finished run of {@code way}: run by the first test that needs it, then shared by the others. */
    private static SpringRun runOf(Way way) {
        synchronized (RUNS) {
            Object outcome = RUNS.computeIfAbsent(way, SpringAppIT::attempt);
            if (outcome instanceof SpringRun run) {
                return run;
            }
            if (outcome instanceof TestAbortedException skipped) {
                throw skipped;
            }
            throw new AssertionError("the " + way + " run failed (it runs once for every test of that way)",
                    (Throwable) outcome);
        }
    }

    private static Object attempt(Way way) {
        try {
            return SpringRun.run(way.launch(), way.emits());
        } catch (Exception | AssertionError e) {
            return e;
        }
    }

    @Test
    void agentOnJava17() {
        SpringRun run = runOf(Way.AGENT_17);
        expectTheScenariosEvents(run);
        expectAuditweaveLinesThroughTheApplicationsLogging(run);
    }

    @Test
    void agentOnJava25() {
        expectTheScenariosEvents(runOf(Way.AGENT_25));
    }

    @Test
    void wovenAtBuildTimeOnJava17WithoutAgent() {
        expectTheScenariosEvents(runOf(Way.WOVEN_17));
    }

    @Test
    void wovenPlusAgentEmitsEachEventOnce() {
        expectTheScenariosEvents(runOf(Way.WOVEN_PLUS_AGENT_17));
    }

    @Test
    void disabledAgentOnJava25ServesAndSendsNothing() {
        SpringRun run = runOf(Way.DISABLED_AGENT_25);
        assertThat(run.requests()).as("auditweave.enabled=false: the receiver must get nothing\n%s", run.describe())
                .isEmpty();
        assertThat(run.endpoint().path("sites")).as("the endpoint still lists the sites, disabled\n%s", run.describe())
                .isNotEmpty().allSatisfy(site -> assertThat(site.path("enabled").asBoolean()).isFalse());
    }

    // Bug class 3, phantom events: in every way that emits, a transaction's events leave only once it committed.

    /** A rename inside an outer {@code @Transactional} service method that then throws: no event. */
    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Way.class, mode = EnumSource.Mode.EXCLUDE, names = "DISABLED_AGENT_25")
    void bugClass3_outerMethodThrowsAfterTheAnnotatedCall(Way way) {
        expectStep(runOf(way), Step.OUTER_THROWS);
    }

    /** {@code TransactionAspectSupport.currentTransactionStatus().setRollbackOnly()} after the rename: no event. */
    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Way.class, mode = EnumSource.Mode.EXCLUDE, names = "DISABLED_AGENT_25")
    void bugClass3_setRollbackOnlyAfterTheAnnotatedCall(Way way) {
        expectStep(runOf(way), Step.ROLLBACK_ONLY);
    }

    /**
     * The annotated method returned, then its commit failed: the new name is taken, which the unique constraint
     * finds only when Hibernate flushes at the commit. No event.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Way.class, mode = EnumSource.Mode.EXCLUDE, names = "DISABLED_AGENT_25")
    void bugClass3_jpaCommitFailsAfterTheAnnotatedMethodReturned(Way way) {
        expectStep(runOf(way), Step.COMMIT_FAILS);
    }

    /** An inner {@code REQUIRES_NEW} rename commits while the outer one rolls back: only the inner's event. */
    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Way.class, mode = EnumSource.Mode.EXCLUDE, names = "DISABLED_AGENT_25")
    void bugClass3_requiresNewCommitsWhileTheOuterRollsBack(Way way) {
        expectStep(runOf(way), Step.REQUIRES_NEW_COMMITS_OUTER_ROLLS_BACK);
    }

    /** A rename that commits: its event waited for the commit (held, not dropped) and arrived. */
    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Way.class, mode = EnumSource.Mode.EXCLUDE, names = "DISABLED_AGENT_25")
    void bugClass3_normalCommitDeliversTheEventAfterTheCommit(Way way) {
        expectStep(runOf(way), Step.COMMITS);
    }

    /** {@code phase = IMMEDIATE} arrives although its transaction rolls back; the rename beside it does not. */
    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Way.class, mode = EnumSource.Mode.EXCLUDE, names = "DISABLED_AGENT_25")
    void bugClass3_immediatePhaseArrivesDespiteTheRollback(Way way) {
        expectStep(runOf(way), Step.IMMEDIATE_DESPITE_ROLLBACK);
    }

    /**
     * The annotated Spring Data repository interface method ({@code UserRepository.blockUser}, a JDK proxy) called
     * inside an outer transaction that then throws: no event.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Way.class, mode = EnumSource.Mode.EXCLUDE, names = "DISABLED_AGENT_25")
    void bugClass3_repositoryMethodInsideAnOuterTransactionThatThrows(Way way) {
        expectStep(runOf(way), Step.REPOSITORY_METHOD_OUTER_THROWS);
    }

    // Bug class 6, enrichment off the calling thread: the sample's EventEnricher bean looks up committed data after the
    // commit; when it throws or runs past its budget, the event is still sent, without its fields, and counted.

    /**
     * An invited user's sign-up: the membership its transaction wrote after the annotated {@code signUp} returned is
     * in the event's {@code org_memberships}, looked up by the enricher bean after the commit.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Way.class, mode = EnumSource.Mode.EXCLUDE, names = "DISABLED_AGENT_25")
    void bugClass6_theEnricherBeanAddsWhatTheTransactionCommitted(Way way) {
        expectEnrichmentStep(runOf(way), EnrichmentScenario.Step.ENRICHED_AFTER_COMMIT);
    }

    /** A sign-up whose outer transaction then throws: no event, none enriched, counted in droppedRollback. */
    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Way.class, mode = EnumSource.Mode.EXCLUDE, names = "DISABLED_AGENT_25")
    void bugClass6_aRolledBackSignUpIsNeitherEnrichedNorSent(Way way) {
        expectEnrichmentStep(runOf(way), EnrichmentScenario.Step.ROLLED_BACK_SIGN_UP);
    }

    /** The look-up throws: the sign-up answers 200, its event arrives without org_memberships, enrichFailed + 1. */
    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Way.class, mode = EnumSource.Mode.EXCLUDE, names = "DISABLED_AGENT_25")
    void bugClass6_aThrowingEnricherLeavesTheEventToBeSentWithoutItsFields(Way way) {
        SpringRun run = runOf(way);
        expectEnrichmentStep(run, EnrichmentScenario.Step.ENRICHER_THROWS);
        expectOneWarning(run, "enricher '" + EnrichmentScenario.ENRICHER + "' failed for event "
                + EnrichmentScenario.SIGNUP, "injected fault");
    }

    /**
     * The look-up hangs far past {@code auditweave.enrich.timeout-ms}: the sign-up answers 200, its event arrives
     * without org_memberships, enrichTimedOut + 1 (and not enrichFailed, though the interrupted look-up then throws).
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Way.class, mode = EnumSource.Mode.EXCLUDE, names = "DISABLED_AGENT_25")
    void bugClass6_anEnricherPastItsBudgetLeavesTheEventToBeSentWithoutItsFields(Way way) {
        SpringRun run = runOf(way);
        expectEnrichmentStep(run, EnrichmentScenario.Step.ENRICHER_HANGS);
        expectOneWarning(run, "enricher '" + EnrichmentScenario.ENRICHER + "' ran past the "
                + EnrichmentScenario.BUDGET_MS + " ms budget of event " + EnrichmentScenario.SIGNUP,
                "sent without its fields");
    }

    // Issue 13, context that travels with the event: the auth-event's ip_address and user_agent come from the request.

    /**
     * Every sign-up's {@code auth.signup} event carries the client address the test forwarded (through loopback, a
     * trusted proxy of the runs) and the User-Agent it sent, read by {@code REQUEST.ip} and {@code REQUEST.userAgent}.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Way.class, mode = EnumSource.Mode.EXCLUDE, names = "DISABLED_AGENT_25")
    void issue13_theAuthEventCarriesTheClientAddressAndUserAgentOfTheRequest(Way way) {
        SpringRun run = runOf(way);
        List<JsonNode> signUps = run.events().stream()
                .filter(event -> event.path("type").asText().equals(EnrichmentScenario.SIGNUP)).toList();
        assertThat(signUps).as("the sign-ups' auth events\n%s", run.describe()).isNotEmpty()
                .allSatisfy(event -> {
                    assertThat(event.path("data").path("ip_address").asText(null)).as("%s", event)
                            .isEqualTo(SampleAppSession.CLIENT_ADDRESS);
                    assertThat(event.path("data").path("user_agent").asText(null)).as("%s", event)
                            .isEqualTo(SampleAppSession.USER_AGENT);
                });
        System.out.println("issue 13, " + way + ", an auth event as it arrived: " + signUps.get(0));
    }

    // Issue 15, sites declared in configuration: the sign-in auth-event, on Spring Security's publisher.

    /**
     * Under the agent, each form login of the run (one per session the scenarios open) is an {@code auth.signin}
     * event, declared in the sample's application.properties on Spring Security's
     * {@code AuthenticationEventPublisher.publishAuthenticationSuccess}, with the administrator's name and the
     * request's client address and User-Agent; the endpoint lists the declared site, enabled.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Way.class, names = {"AGENT_17", "AGENT_25", "WOVEN_PLUS_AGENT_17"})
    void issue15_theSignInAuthEventComesFromADeclarationOnSpringSecurity(Way way) {
        SpringRun run = runOf(way);
        List<JsonNode> signIns = run.events().stream()
                .filter(event -> event.path("type").asText().equals(SIGNIN)).toList();
        assertThat(signIns).as("the sign-ins' auth events\n%s", run.describe()).isNotEmpty()
                .allSatisfy(event -> {
                    JsonNode data = event.path("data");
                    assertThat(data.path("event_type").asText()).isEqualTo("signin");
                    assertThat(data.path("kilo_user_id").asText()).isEqualTo(SampleAppSession.ADMIN_EMAIL);
                    assertThat(data.path("email").asText()).isEqualTo(SampleAppSession.ADMIN_EMAIL);
                    assertThat(data.path("ip_address").asText(null)).as("%s", event)
                            .isEqualTo(SampleAppSession.CLIENT_ADDRESS);
                    assertThat(data.path("user_agent").asText(null)).as("%s", event)
                            .isEqualTo(SampleAppSession.USER_AGENT);
                });
        JsonNode site = signInSite(run);
        assertThat(site.path("enabled").asBoolean()).as("%s", site).isTrue();
        assertThat(site.path("declaredBy").asText()).isEqualTo("auditweave.emit.signin.method");
        System.out.println("issue 15, " + way + ", a sign-in auth event as it arrived: " + signIns.get(0));
    }

    /** Woven without the agent, the declaration cannot be honoured: no sign-in event, one WARN, the site says why. */
    @Test
    void issue15_wovenWithoutTheAgentTheDeclarationIsOneWarning() {
        SpringRun run = runOf(Way.WOVEN_17);
        assertThat(run.events()).noneMatch(event -> event.path("type").asText().equals(SIGNIN));
        expectOneWarning(run, "auditweave.emit.signin.method", "only the -javaagent honours");
        JsonNode site = signInSite(run);
        assertThat(site.path("enabled").asBoolean()).isFalse();
        assertThat(site.path("reason").asText()).contains("-javaagent");
    }

    private static JsonNode signInSite(SpringRun run) {
        for (JsonNode site : run.endpoint().path("sites")) {
            if (site.path("type").asText().equals(SIGNIN)) {
                return site;
            }
        }
        throw new AssertionError("no " + SIGNIN + " site at GET /actuator/auditweave\n" + run.describe());
    }

    /** auditweave disabled: every sign-up still answers as it should (checked as it ran), and nothing is counted. */
    @Test
    void bugClass6_disabledAgentServesTheSignUpsAndSendsNothing() {
        SpringRun run = runOf(Way.DISABLED_AGENT_25);
        assertThat(run.events()).as("no event at the receiver\n%s", run.describe()).isEmpty();
        for (EnrichmentScenario.Step step : EnrichmentScenario.Step.values()) {
            assertThat(run.counted(step)).as("%s: what it added to the counters\n%s", step, run.describe())
                    .isEqualTo(new EnrichmentScenario.Counts(0, 0, 0, 0, 0));
        }
    }

    /** Exactly the step's events at the receiver (told apart by the user), and what it added to the counters. */
    private static void expectEnrichmentStep(SpringRun run, EnrichmentScenario.Step step) {
        List<TypedData> arrived = run.events().stream().map(SpringAppIT::typedData)
                .filter(event -> step.owns(event.data())).toList();
        assertThat(arrived).as("%s: the events of this step at the receiver (type + data)\n%s", step, run.describe())
                .containsExactlyInAnyOrderElementsOf(step.arriving());
        assertThat(run.counted(step))
                .as("%s: what it added to captured, heldForCommit, droppedRollback, enrichFailed and enrichTimedOut"
                        + " of GET /actuator/auditweave\n%s", step, run.describe())
                .isEqualTo(step.counts());
    }

    /** Exactly one WARN line of the application's log contains both {@code text} and {@code detail}. */
    private static void expectOneWarning(SpringRun run, String text, String detail) {
        assertThat(run.stdout()).as("one WARN line with \"%s\" and \"%s\"\n%s", text, detail, run.describe())
                .filteredOn(line -> line.contains(" WARN ") && line.contains(text) && line.contains(detail))
                .hasSize(1);
    }

    /**
     * Exactly the step's events at the receiver (told apart by the step's own names), and what the step added to
     * {@code captured}, {@code heldForCommit} and {@code droppedRollback} of {@code GET /actuator/auditweave}.
     */
    private static void expectStep(SpringRun run, Step step) {
        List<TypedData> arrived = run.events().stream().map(SpringAppIT::typedData)
                .filter(event -> step.owns(event.data())).toList();
        assertThat(arrived).as("%s: the events of this step at the receiver (type + data)\n%s", step, run.describe())
                .containsExactlyInAnyOrderElementsOf(step.arriving());
        assertThat(run.counted(step))
                .as("%s: what it added to captured, heldForCommit and droppedRollback of"
                        + " GET /actuator/auditweave\n%s", step, run.describe())
                .isEqualTo(step.counts());
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
        // The sign-ins' auth events, declared in configuration, are checked by issue15_... in the agent ways.
        List<JsonNode> events = run.events().stream()
                .filter(event -> !event.path("type").asText().equals(SIGNIN)).toList();
        assertThat(events.stream().map(SpringAppIT::typedData).toList())
                .as("events at the receiver (type + data)\n%s", run.describe())
                .containsExactlyInAnyOrderElementsOf(Stream.of(ModerationScenario.expectedEvents(),
                        TransactionScenario.arrivingEvents(), EnrichmentScenario.arrivingEvents())
                        .flatMap(List::stream).toList());

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
        List<String> siteTypes = new ArrayList<>(ModerationScenario.expectedEvents().stream()
                .map(TypedData::type).distinct().toList());
        siteTypes.addAll(TransactionScenario.SITE_TYPES);
        siteTypes.addAll(EnrichmentScenario.SITE_TYPES);
        siteTypes.add(SIGNIN);
        assertThat(endpoint.path("sites")).extracting(site -> site.path("type").asText())
                .as("GET /actuator/auditweave lists every emit site, the repository interface method's included\n%s",
                        run.describe())
                .containsExactlyInAnyOrderElementsOf(siteTypes);
        // The declared sign-in site is enabled under the agent only: issue15_... check it in each way.
        assertThat(endpoint.path("sites")).filteredOn(site -> !site.path("type").asText().equals(SIGNIN))
                .allSatisfy(site -> assertThat(site.path("enabled").asBoolean()).as("%s", site).isTrue());
        JsonNode droppedRollback = endpoint.path("metrics").path("droppedRollback");
        assertThat(droppedRollback.isIntegralNumber() ? droppedRollback.asLong() : null)
                .as("droppedRollback: events dropped as their transaction did not commit\n%s", run.describe())
                .isEqualTo(TransactionScenario.droppedRollback() + EnrichmentScenario.droppedRollback());
        assertThat(endpoint.path("metrics").path("captured").asLong())
                .as("captured so far: every event received, and those dropped on rollback\n%s", run.describe())
                .isEqualTo(run.events().size() + droppedRollback.asLong());
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
