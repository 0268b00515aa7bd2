package dev.auditweave.agent.internal.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditweave.agent.internal.config.DeclaredEmit;
import dev.auditweave.agent.internal.config.Settings;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What became of each declared site: the class loaded or not, the method found or not. */
class DeclaredSitesTest {

    @AfterEach
    void noRulesAfterwards() {
        DeclaredSites.frameworkStopped();
        DeclaredSites.fromRuntime(Settings.defaults());
    }

    @Test
    void aClassThatNeverLoaded_isReportedEvenAfterItsFrameworkStopped() {
        DeclaredSites.fromFramework(Settings.defaults().with(Map.of(
                "auditweave.emit.ghost.method", "com.example.never.Loaded#run()",
                "auditweave.emit.ghost.type", "ghost.ran")));
        DeclaredSites.frameworkStopped();

        assertThat(DeclaredSites.rules().declarations()).isEmpty();
        assertThat(DeclaredSites.neverLoaded()).extracting(DeclaredEmit::methodKey)
                .containsOnlyOnce("auditweave.emit.ghost.method");
    }

    @Test
    void aLoadedClass_isNoLongerNeverLoaded_andAWrongMethodIsItsProblem() {
        String fixtures = Fixtures.class.getName();
        DeclaredSites.fromFramework(Settings.defaults().with(Map.of(
                "auditweave.emit.wrong.method", fixtures + "#runn(java.lang.String)",
                "auditweave.emit.wrong.type", "fixture.ran")));
        DeclaredEmit wrong = DeclaredSites.rules().declarations().get(0);

        DeclaredSites.classLoaded(Fixtures.class);

        assertThat(DeclaredSites.neverLoaded()).doesNotContain(wrong);
        assertThat(DeclaredSites.problem(wrong)).as("no agent in this test")
                .isEqualTo("declared sites are honoured by the -javaagent only, which is not attached");
    }

    @SuppressWarnings("unused")
    static final class Fixtures {
        void run(String name) {
        }
    }
}
