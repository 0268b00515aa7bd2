package dev.auditweave.sample.script;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditweave.sample.SampleServices;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The script runs against the plain services exactly as declared: only the failing steps throw. */
class ScriptTest {

    @Test
    void everyStepSucceedsOrFailsAsDeclared() {
        SampleServices app = SampleServices.inMemory("script-" + UUID.randomUUID());
        List<String> deviations = new ArrayList<>();
        List<Step> steps = Script.steps();
        for (Step step : steps) {
            boolean threw;
            try {
                step.action().run(app);
                threw = false;
            } catch (Exception e) {
                threw = true;
            }
            if (threw != step.failure()) {
                deviations.add(step.description());
            }
        }
        assertThat(deviations).isEmpty();
        assertThat(steps).anyMatch(Step::failure);
    }

    @Test
    void silentStepsSayWhy() {
        assertThat(Script.steps())
                .filteredOn(step -> step.expected().isEmpty())
                .allSatisfy(step -> assertThat(step.why()).isNotBlank());
    }
}
