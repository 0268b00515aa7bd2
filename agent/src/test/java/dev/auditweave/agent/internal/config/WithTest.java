package dev.auditweave.agent.internal.config;

import dev.auditweave.agent.ConfigException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WithTest {

    @Test
    void overridesBeatEverySource() {
        Settings loaded = Settings.from("batch.max-events=1", Map.of(), Map.of(), null);

        Settings changed = loaded.with(Map.of("auditweave.batch.max-events", "2", "auditweave.sink", "memory"));

        assertThat(changed.batchMaxEvents()).isEqualTo(2);
        assertThat(changed.sinks()).containsExactly("memory");
        assertThat(changed.describe()).contains("auditweave.batch.max-events = 2 (override)");
        assertThat(loaded.batchMaxEvents()).isEqualTo(1);
    }

    @Test
    void keepsWhatIsNotOverridden() {
        Settings loaded = Settings.from("http.header.X-A=a,queue.capacity=7", Map.of(), Map.of(), null);

        Settings changed = loaded.with(Map.of("auditweave.http.header.X-B", "b"));

        assertThat(changed.queueCapacity()).isEqualTo(7);
        assertThat(changed.httpHeaders()).containsExactly(Map.entry("X-B", "b"), Map.entry("X-A", "a"));
    }

    @Test
    void validatesLikeLoad() {
        assertThatThrownBy(() -> Settings.defaults().with(Map.of("auditweave.batch.max-delay-ms", "soon")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("auditweave.batch.max-delay-ms = 'soon' (override): expected a whole number of"
                        + " milliseconds from 0 to 3600000");
    }

    @Test
    void resolvesVariablesAgainstTheLoadedEnvironment() {
        Settings loaded = Settings.from(null, Map.of(), Map.of("DELAY", "25"), null);

        assertThat(loaded.with(Map.of("auditweave.batch.max-delay-ms", "${DELAY}")).batchMaxDelay())
                .isEqualTo(Duration.ofMillis(25));
    }

    @Test
    void warnsAboutUnknownKeysAndConfigFile() {
        Settings changed = Settings.defaults().with(Map.of("sink", "memory"))
                .with(Map.of("auditweave.config.file", "/etc/auditweave.properties"));

        assertThat(changed.sinks()).containsExactly("log");
        assertThat(changed.warnings()).containsExactlyInAnyOrder(
                "unknown key sink (override); did you mean auditweave.sink?",
                "auditweave.config.file (override) is ignored: overrides do not read files");
    }

    @Test
    void disablingForTests() {
        assertThat(Settings.defaults().with(Map.of("auditweave.enabled", "false")).enabled()).isFalse();
    }
}
