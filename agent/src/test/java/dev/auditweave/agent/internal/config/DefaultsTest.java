package dev.auditweave.agent.internal.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DefaultsTest {

    @Test
    void defaultsMatchTheKeyTable() {
        Settings settings = Settings.defaults();

        assertThat(settings.enabled()).isTrue();
        assertThat(settings.sinks()).containsExactly("log");
        assertThat(settings.httpUrl()).isEmpty();
        assertThat(settings.httpHeaders()).isEmpty();
        assertThat(settings.httpTimeout()).isEqualTo(Duration.ofMillis(10_000));
        assertThat(settings.httpConnectTimeout()).isEqualTo(Duration.ofMillis(2_000));
        assertThat(settings.batchMaxEvents()).isEqualTo(500);
        assertThat(settings.batchMaxDelay()).isEqualTo(Duration.ofMillis(1_000));
        assertThat(settings.queueCapacity()).isEqualTo(262_144);
        assertThat(settings.get(ConfigKeys.QUEUE_MAX_BYTES)).isEqualTo(64L << 20);
        assertThat(settings.retryMaxAttempts()).isEqualTo(5);
        assertThat(settings.retryInitialBackoff()).isEqualTo(Duration.ofMillis(200));
        assertThat(settings.retryMaxBackoff()).isEqualTo(Duration.ofMillis(30_000));
        assertThat(settings.shutdownTimeout()).isEqualTo(Duration.ofMillis(5_000));
        assertThat(settings.get(ConfigKeys.CONFIG_FILE)).isEmpty();
        assertThat(settings.warnings()).isEmpty();
    }

    @Test
    void emptySourcesGiveTheDefaults() {
        Settings settings = Settings.from(null, Map.of(), Map.of(), null);

        for (ConfigKey<?> key : ConfigKeys.keys()) {
            assertThat((Object) settings.get(key)).as(key.name()).isEqualTo(Settings.defaults().get(key));
        }
    }

    @Test
    void loadReadsTheRealSourcesWithoutFailing() {
        // The build's own environment sets no auditweave keys; this guards the wiring of load() to the globals.
        assertThat(Settings.load(null).batchMaxEvents()).isPositive();
    }
}
