package dev.auditweave.agent.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvironmentVariablesTest {

    @Test
    void everyKeyHasItsEnvironmentName() {
        assertThat(ConfigKeys.HTTP_URL.environmentVariable()).isEqualTo("AUDITWEAVE_HTTP_URL");
        assertThat(ConfigKeys.BATCH_MAX_EVENTS.environmentVariable()).isEqualTo("AUDITWEAVE_BATCH_MAX_EVENTS");
        assertThat(ConfigKeys.HTTP_CONNECT_TIMEOUT.environmentVariable())
                .isEqualTo("AUDITWEAVE_HTTP_CONNECT_TIMEOUT_MS");
        assertThat(ConfigKeys.HTTP_HEADER.environmentPattern()).isEqualTo("AUDITWEAVE_HTTP_HEADER_<HEADER_NAME>");
    }

    @Test
    void readsKeysByEnvironmentName() {
        Layer layer = EnvironmentVariables.read(Map.of(
                "AUDITWEAVE_HTTP_URL", "https://host/e",
                "AUDITWEAVE_HTTP_CONNECT_TIMEOUT_MS", " 300 ",
                "PATH", "/usr/bin"));

        assertThat(layer.values()).extracting(RawValue::key, RawValue::text, RawValue::origin).containsExactly(
                tuple("auditweave.http.connect-timeout-ms", "300",
                        Origin.environmentVariable("AUDITWEAVE_HTTP_CONNECT_TIMEOUT_MS")),
                tuple("auditweave.http.url", "https://host/e", Origin.environmentVariable("AUDITWEAVE_HTTP_URL")));
        assertThat(layer.warnings()).isEmpty();
    }

    @Test
    void headerVariablesNameTheHeaderWithDashes() {
        Settings settings = Settings.from(null, Map.of(),
                Map.of("AUDITWEAVE_HTTP_HEADER_CF_ACCESS_CLIENT_ID", "id",
                        "AUDITWEAVE_HTTP_HEADER_AUTHORIZATION", "Bearer t"),
                null);

        assertThat(settings.httpHeaders()).containsExactly(
                Map.entry("AUTHORIZATION", "Bearer t"),
                Map.entry("CF-ACCESS-CLIENT-ID", "id"));
    }

    @Test
    void environmentReachesTypedSettings() {
        Settings settings = Settings.from(null, Map.of(), Map.of(
                "AUDITWEAVE_ENABLED", "false",
                "AUDITWEAVE_SINK", "log,http",
                "AUDITWEAVE_RETRY_INITIAL_BACKOFF_MS", "50",
                "AUDITWEAVE_SHUTDOWN_TIMEOUT_MS", "0"), null);

        assertThat(settings.enabled()).isFalse();
        assertThat(settings.sinks()).containsExactly("log", "http");
        assertThat(settings.retryInitialBackoff()).isEqualTo(Duration.ofMillis(50));
        assertThat(settings.shutdownTimeout()).isZero();
    }

    @Test
    void unknownAuditweaveVariablesWarnWithASuggestion() {
        Layer layer = EnvironmentVariables.read(Map.of("AUDITWEAVE_HTP_URL", "x", "AUDITWEAVE_COLOUR", "blue"));

        assertThat(layer.values()).isEmpty();
        assertThat(layer.warnings()).containsExactly(
                "unknown environment variable AUDITWEAVE_COLOUR",
                "unknown environment variable AUDITWEAVE_HTP_URL; did you mean AUDITWEAVE_HTTP_URL?");
    }
}
