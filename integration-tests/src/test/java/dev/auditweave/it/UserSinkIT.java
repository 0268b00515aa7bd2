package dev.auditweave.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.auditweave.it.fixtures.EventTypes;
import dev.auditweave.it.fixtures.sink.FileSinkProvider;
import dev.auditweave.it.fixtures.sink.SinkScenario;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Sink SPI in every weaving mode (the agent on Java 17 and 25, woven, both): a {@code SinkProvider} of the
 * application's own ({@link FileSinkProvider}, type {@code it-file}, listed in the fixtures'
 * {@code META-INF/services}) is found by ServiceLoader through the application's class path (under the agent, whose
 * own class loader cannot see it, through the system class loader) and configured by
 * {@code auditweave.sink.audit.type=it-file}; it writes every event to its file. A second sink of the same type that
 * throws on every batch is counted as failed and never reaches the business calls.
 */
class UserSinkIT {

    static Stream<Arguments> modes() {
        return Stream.of(
                Arguments.of("agent-17", (Supplier<ChildJvm>) ChildJvm::agentModeOnCurrentJava),
                Arguments.of("agent-25", (Supplier<ChildJvm>) ChildJvm::agentModeOnJava25),
                Arguments.of("woven", (Supplier<ChildJvm>) ChildJvm::compileTimeWoven),
                Arguments.of("agent-on-woven", (Supplier<ChildJvm>) ChildJvm::agentOnCompileTimeWoven));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modes")
    void aSinkProviderInTheApplicationsClassPath_receivesEveryEvent_andOneThatThrowsIsCountedNotFelt(
            String mode, Supplier<ChildJvm> jvm) throws IOException {
        ChildJvm child = jvm.get();
        Path directory = ChildJvm.ItPaths.runDirectory().resolve("user-sinks-" + child.name()).toAbsolutePath();
        Files.createDirectories(directory);
        Files.deleteIfExists(directory.resolve("audit.jsonl"));

        ScenarioRun run = Scenarios.userSinks(child, directory);

        assertThat(run.exitCode()).as(run.describe()).isEqualTo(0);
        assertThat(run.stepFailures()).as(run.describe()).isEmpty();
        for (int i = 1; i <= SinkScenario.CALLS; i++) {
            assertThat(run.check("sink-block-u-" + i)).as("the business result").isEqualTo("1");
        }
        assertThat(run.check("sink-flush")).as(run.describe()).isEqualTo("true");
        List<JsonNode> lines = Files.readAllLines(directory.resolve("audit.jsonl"), StandardCharsets.UTF_8).stream()
                .map(AbstractEmitSuite::json).toList();
        assertThat(lines).as(run.describe()).hasSize(SinkScenario.CALLS)
                .allSatisfy(line -> assertThat(line.path("type").asText()).isEqualTo(EventTypes.USER_BLOCKED))
                .extracting(line -> line.path("data").path("kilo_user_id").asText())
                .containsExactly("u-1", "u-2", "u-3");
        assertThat(lines).extracting(line -> line.path("id").asText()).doesNotHaveDuplicates();
        assertThat(run.check("sink-audit-delivered")).isEqualTo(String.valueOf(SinkScenario.CALLS));
        assertThat(run.check("sink-audit-failed")).isEqualTo("0");
        assertThat(run.check("sink-broken-delivered")).isEqualTo("0");
        assertThat(run.check("sink-broken-failed")).as(run.describe()).isEqualTo(String.valueOf(SinkScenario.CALLS));
        assertThat(run.warningsOrErrorsMentioning("sink broken", "the audit file sink is broken on purpose"))
                .as(run.describe()).isNotEmpty();
        assertThat(run.errorRecordsMentioning("auditweave")).as(run.describe()).isEmpty();
        assertThat(run.warningsOrErrorsMentioning("two sink providers")).as("the aspect library's built-in"
                + " providers beside the agent's are no conflict\n" + run.describe()).isEmpty();
    }
}
