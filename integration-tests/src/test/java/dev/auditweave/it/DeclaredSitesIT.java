package dev.auditweave.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Emit sites declared in configuration ({@code auditweave.emit.<id>.*}) on classes of dependency jars, and sites
 * switched off ({@code auditweave.disable.*}), under the agent: Jackson's {@code ObjectMapper.readTree(String)}
 * emits, Spring's {@code ErrorHandler} interface covers both implementations, a method that does not exist is an
 * ERROR naming the key, a class that never loads is reported once at exit, a declared method switched off by method
 * and an annotated one switched off by type pattern emit nothing and are listed as switched off, with why. Woven
 * without the agent, each declaration is one WARN at start-up.
 */
class DeclaredSitesIT {

    static final String OBJECT_MAPPER = "com.fasterxml.jackson.databind.ObjectMapper";

    /** The run's system properties: the declarations and switches. */
    static final List<String> CONFIGURATION = List.of(
            "auditweave.emit.json.method=" + OBJECT_MAPPER + "#readTree(java.lang.String)",
            "auditweave.emit.json.type=json.parsed",
            "auditweave.emit.json.phase=immediate",
            "auditweave.emit.json.data.nodes=result.size",
            "auditweave.emit.json.data.content=args[0]",
            "auditweave.emit.written.method=" + OBJECT_MAPPER + "#writeValueAsString(java.lang.Object)",
            "auditweave.emit.written.type=json.written",
            "auditweave.emit.errors.method=org.springframework.util.ErrorHandler#handleError(java.lang.Throwable)",
            "auditweave.emit.errors.type=error.handled",
            "auditweave.emit.errors.data.message=args[0].message",
            "auditweave.emit.wrong.method=" + OBJECT_MAPPER + "#readTreee(java.lang.String)",
            "auditweave.emit.wrong.type=json.wrong",
            "auditweave.emit.ghost.method=com.example.never.Loaded#run()",
            "auditweave.emit.ghost.type=ghost.ran",
            "auditweave.disable.methods=" + OBJECT_MAPPER + "#writeValueAsString(java.lang.Object)",
            "auditweave.disable.types=user.*");

    static Stream<Arguments> agentModes() {
        return Stream.of(
                Arguments.of("agent-17", (Supplier<ChildJvm>) ChildJvm::agentModeOnCurrentJava),
                Arguments.of("agent-on-woven", (Supplier<ChildJvm>) ChildJvm::agentOnCompileTimeWoven));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("agentModes")
    void declaredSitesEmitAndSwitchedOffSitesDoNot(String mode, Supplier<ChildJvm> jvm) {
        ScenarioRun run = Scenarios.declared(jvm.get());

        assertThat(run.exitCode()).as(run.describe()).isEqualTo(0);
        assertThat(run.stepFailures()).as(run.describe()).isEmpty();
        List<JsonNode> parsed = run.events("json.parsed");
        assertThat(parsed).as(run.describe()).hasSize(1);
        assertThat(parsed.get(0).path("data").path("nodes").asInt()).isEqualTo(2);
        assertThat(parsed.get(0).path("data").path("content").asText()).isEqualTo("{\"a\":1,\"b\":[2,3]}");
        assertThat(run.events("error.handled")).as("both implementations of the declared interface\n"
                + run.describe()).extracting(event -> event.path("data").path("message").asText())
                .containsExactlyInAnyOrder("first", "second");
        assertThat(run.check("read-tree")).isEqualTo("2");
        assertThat(run.check("handled")).isEqualTo("2");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("agentModes")
    void switchedOffSitesEmitNothingAndAreListedWithWhy(String mode, Supplier<ChildJvm> jvm) {
        ScenarioRun run = Scenarios.declared(jvm.get());

        assertThat(run.events("json.written")).as(run.describe()).isEmpty();
        assertThat(run.events("user.blocked")).as(run.describe()).isEmpty();
        assertThat(run.check("write-value")).isEqualTo("{\"k\":\"v\"}");
        assertThat(run.check("block-u-1")).as("the method itself still runs").isEqualTo("1");
        assertThat(run.check("site-" + OBJECT_MAPPER + "#writeValueAsString(Object)/json.written"))
                .isEqualTo("false|true|auditweave.emit.written.method|switched off by auditweave.disable.methods"
                        + " entry '" + OBJECT_MAPPER + "#writeValueAsString(java.lang.Object)' (system property)");
        assertThat(run.check("site-dev.auditweave.it.fixtures.UserService#blockUser(String,String)/user.blocked"))
                .isEqualTo("false|true||switched off by auditweave.disable.types = 'user.*' (system property)");
        assertThat(run.check("site-" + OBJECT_MAPPER + "#readTree(String)/json.parsed"))
                .isEqualTo("true|false|auditweave.emit.json.method|");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("agentModes")
    void aWrongMethodIsAnErrorNamingTheKeyAndAClassThatNeverLoadsIsReportedOnceAtExit(String mode,
                                                                                      Supplier<ChildJvm> jvm) {
        ScenarioRun run = Scenarios.declared(jvm.get());

        assertThat(run.errorRecordsMentioning("auditweave.emit.wrong.method", OBJECT_MAPPER + " has no method"
                + " readTreee(java.lang.String)")).as(run.describe()).hasSize(1);
        assertThat(run.warningsOrErrorsMentioning("auditweave.emit.ghost.method", "com.example.never.Loaded was"
                + " never loaded")).as(run.describe()).hasSize(1);
        assertThat(run.warningsOrErrorsMentioning("auditweave.emit.json.method")).as(run.describe()).isEmpty();
        assertThat(run.check("site-com.example.never.Loaded#run()/ghost.ran"))
                .isEqualTo("false|false|auditweave.emit.ghost.method|com.example.never.Loaded has not been loaded"
                        + " (yet)");
    }

    @Test
    void wovenWithoutTheAgentEachDeclarationIsOneWarningAndSwitchesStillHold() {
        ScenarioRun run = Scenarios.declared(ChildJvm.compileTimeWoven());

        assertThat(run.exitCode()).as(run.describe()).isEqualTo(0);
        for (String id : List.of("json", "written", "errors", "wrong", "ghost")) {
            assertThat(run.warningsOrErrorsMentioning("auditweave.emit." + id + ".method",
                    "only the -javaagent honours")).as(run.describe()).hasSize(1);
        }
        assertThat(run.events("json.parsed")).isEmpty();
        assertThat(run.events("user.blocked")).as("switched off by type in woven code too").isEmpty();
        assertThat(run.check("block-u-1")).isEqualTo("1");
    }
}
