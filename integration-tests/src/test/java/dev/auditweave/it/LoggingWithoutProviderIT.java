package dev.auditweave.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditweave.it.fixtures.EventTypes;
import org.junit.jupiter.api.Test;

/**
 * A woven application without any SLF4J provider: SLF4J alone would drop every line into its no-op logger, the
 * {@code log} sink's events and auditweave's own errors with them. auditweave falls back to
 * {@code System.Logger} (java.util.logging, on stderr) and says so once.
 */
class LoggingWithoutProviderIT {

    private final ScenarioRun run = Scenarios.logSinkBurst(ChildJvm.compileTimeWovenWithoutSlf4jProvider());

    @Test
    void theLogSinksEventsReachStderrThroughSystemLogger() {
        assertThat(run.exitCode()).as(run.describe()).isEqualTo(0);
        assertThat(run.stderr()).as(run.describe())
                .contains("SLF4J has no provider in this application; auditweave logs through java.lang.System.Logger");
        assertThat(run.stderr().lines().filter(line -> line.contains("\"type\":\"" + EventTypes.BURST + "\"")).count())
                .as(run.describe()).isEqualTo(Scenarios.DRAIN_BURST_CALLS);
    }

    @Test
    void theFallbackIsAnnouncedOnce() {
        assertThat(run.stderr().split("SLF4J has no provider", -1)).as(run.describe()).hasSize(2);
    }
}
