package dev.auditweave.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The agent-mode suite on Java 25 ({@code /usr/lib/jvm/temurin-25-jdk-amd64}, or the JDK home named by
 * {@code AUDITWEAVE_TEST_JAVA25_HOME}); skipped when there is none.
 */
class AgentModeOnJava25IT extends AgentModeIT {

    @Override
    ChildJvm jvm() {
        return ChildJvm.agentModeOnJava25();
    }

    /** Java 24+ prints a WARNING for every library that touches sun.misc.Unsafe; the agent must not cause one. */
    @Test
    void theAgentCausesNoJvmWarningOnTheApplicationsStderr() {
        assertThat(run.stderr()).as(run.describe()).doesNotContain("WARNING: ").doesNotContain("sun.misc.Unsafe");
    }
}
