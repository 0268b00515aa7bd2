package dev.auditweave.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.auditweave.it.fixtures.enrich.EnrichTypes;
import dev.auditweave.it.fixtures.enrich.FailingLookupEnricher;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Enrichment (field notes, bug class 6) in every weaving mode (the agent on Java 17 and 25, woven, both): an enricher found by ServiceLoader through the
 * application's class loader (under the agent, auditweave's own loader cannot see it) and one added in code fill
 * their fields on an enrichment thread; a look-up that throws and a name no enricher has leave the event to be sent
 * without their fields, counted and logged; a declared field wins over an enriched one.
 */
class EnrichmentIT {

    static Stream<Arguments> modes() {
        return Stream.of(
                Arguments.of("agent-17", (Supplier<ChildJvm>) ChildJvm::agentModeOnCurrentJava),
                Arguments.of("agent-25", (Supplier<ChildJvm>) ChildJvm::agentModeOnJava25),
                Arguments.of("woven", (Supplier<ChildJvm>) ChildJvm::compileTimeWoven),
                Arguments.of("agent-on-woven", (Supplier<ChildJvm>) ChildJvm::agentOnCompileTimeWoven));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modes")
    void bugClass6_enrichersAddTheirFieldsOffTheCallingThread(String mode, Supplier<ChildJvm> jvm) {
        ScenarioRun run = Scenarios.enrich(jvm.get());

        assertThat(run.exitCode()).as(run.describe()).isEqualTo(0);
        assertThat(run.stepFailures()).as(run.describe()).isEmpty();
        assertThat(run.check("signin-u-1")).isEqualTo("session-u-1");
        assertThat(run.check("enrich-flush")).as(run.describe()).isEqualTo("true");
        assertThat(run.events(EnrichTypes.SIGNIN)).as(run.describe()).singleElement().satisfies(event -> {
            JsonNode data = event.path("data");
            assertThat(data.path("kilo_user_id").asText()).isEqualTo("u-1");
            assertThat(data.path("org_memberships")).as("from the ServiceLoader provider\n" + run.describe())
                    .isEqualTo(AbstractEmitSuite.json("[{\"organization_id\":\"org-u-1\",\"role\":\"owner\"}]"));
            assertThat(data.path("cohorts")).as("from the enricher added in code")
                    .isEqualTo(AbstractEmitSuite.json("[\"beta\"]"));
            assertThat(data.path("enrich_thread").asText()).matches("auditweave-enrich-\\d+");
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modes")
    void bugClass6_aThrowingEnricherAndAnUnknownNameLeaveTheEventToBeSentWithoutTheirFields(String mode,
                                                                                  Supplier<ChildJvm> jvm) {
        ScenarioRun run = Scenarios.enrich(jvm.get());

        assertThat(run.check("signup-u-2")).isEqualTo("account-u-2");
        assertThat(run.events(EnrichTypes.SIGNUP)).as(run.describe()).singleElement().satisfies(event -> {
            JsonNode data = event.path("data");
            assertThat(data.path("kilo_user_id").asText()).isEqualTo("u-2");
            assertThat(data.path("org_memberships").asText()).as("the declared field wins").isEqualTo("declared");
            assertThat(data.path("enrich_thread").asText()).as("the enricher after the failures still ran")
                    .startsWith("auditweave-enrich-");
        });
        assertThat(run.check("enrich-failed")).as(run.describe()).isEqualTo("2");
        assertThat(run.check("enrich-timed-out")).isEqualTo("0");
        assertThat(run.warningsOrErrorsMentioning("failingLookup", EnrichTypes.SIGNUP, FailingLookupEnricher.MESSAGE))
                .as(run.describe()).hasSize(1);
        assertThat(run.warningsOrErrorsMentioning("noSuchEnricher", "cohorts, failingLookup, orgMemberships"))
                .as("the known names\n" + run.describe()).hasSize(1);
    }
}
