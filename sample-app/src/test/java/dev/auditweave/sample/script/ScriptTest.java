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
    void aStepSeenByOneDestinationKeepsOnlyTheTypesItReceives() {
        Step step = Step.fails("x", "why", app -> null,
                Expected.event("user.deleted", "kilo_user_id", "u-1"), Expected.event("audit.only"));
        Step emits = Step.emits("y", app -> null, Expected.event("user.blocked"), Expected.event("audit.only"));

        Step seen = step.only(type -> type.startsWith("user."));
        assertThat(seen.notSent()).extracting(Expected::type).containsExactly("user.deleted");
        assertThat(seen.failure()).isTrue();
        assertThat(seen.why()).isEqualTo("why");
        assertThat(emits.only(type -> type.startsWith("user.")).expected()).extracting(Expected::type)
                .containsExactly("user.blocked");
    }

    @Test
    void silentStepsSayWhy() {
        assertThat(Script.steps())
                .filteredOn(step -> step.expected().isEmpty())
                .allSatisfy(step -> assertThat(step.why()).isNotBlank());
    }
}
