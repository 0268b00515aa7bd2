package dev.auditweave.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditweave.it.fixtures.EventTypes;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The suite under {@code -javaagent:auditweave-agent.jar} on the Java running the tests (17), with the plain
 * javac-compiled fixtures: no aspectjrt and no agent main jar on the class path.
 */
class AgentModeIT extends AbstractEmitSuite {

    @Override
    ChildJvm jvm() {
        return ChildJvm.agentModeOnCurrentJava();
    }

    @Test
    void agentArgumentsConfigureTheAgent() {
        ScenarioRun configured = Scenarios.configuredByAgentArguments(childJvm());
        assertThat(configured.exitCode()).as(configured.describe()).isEqualTo(0);
        assertThat(configured.check("burst-results-unchanged")).isEqualTo("true");
        assertThat(configured.events(EventTypes.BURST)).as("sink and URL from -javaagent:...=sink=http,http.url=..\n"
                + configured.describe()).hasSize(Scenarios.DRAIN_BURST_CALLS);
        Map<String, Long> metrics = configured.metrics();
        assertThat(metrics.get("captured")).isEqualTo(Scenarios.DRAIN_BURST_CALLS);
    }
}
