package dev.auditweave.agent.internal.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each source beats the next: agent arguments, system properties, environment, file, defaults. */
class PrecedenceTest {

    private static final String KEY = "auditweave.batch.max-events";

    @TempDir
    Path dir;

    @Test
    void agentArgumentsBeatEverything() throws IOException {
        writeFile(KEY + "=4\n");

        Settings settings = Settings.from("batch.max-events=1", Map.of(KEY, "2"),
                Map.of("AUDITWEAVE_BATCH_MAX_EVENTS", "3"), dir);

        assertThat(settings.batchMaxEvents()).isEqualTo(1);
        assertThat(settings.describe()).contains(KEY + " = 1 (agent argument)");
    }

    @Test
    void systemPropertiesBeatEnvironmentAndFile() throws IOException {
        writeFile(KEY + "=4\n");

        Settings settings = Settings.from(null, Map.of(KEY, "2"), Map.of("AUDITWEAVE_BATCH_MAX_EVENTS", "3"), dir);

        assertThat(settings.batchMaxEvents()).isEqualTo(2);
        assertThat(settings.describe()).contains(KEY + " = 2 (system property)");
    }

    @Test
    void environmentBeatsFile() throws IOException {
        writeFile(KEY + "=4\n");

        Settings settings = Settings.from(null, Map.of(), Map.of("AUDITWEAVE_BATCH_MAX_EVENTS", "3"), dir);

        assertThat(settings.batchMaxEvents()).isEqualTo(3);
        assertThat(settings.describe()).contains(KEY + " = 3 (environment variable AUDITWEAVE_BATCH_MAX_EVENTS)");
    }

    @Test
    void fileBeatsDefaults() throws IOException {
        Path file = writeFile(KEY + "=4\n");

        Settings settings = Settings.from(null, Map.of(), Map.of(), dir);

        assertThat(settings.batchMaxEvents()).isEqualTo(4);
        assertThat(settings.describe()).contains(KEY + " = 4 (file " + file.toAbsolutePath() + ")");
    }

    @Test
    void defaultsComeLast() {
        assertThat(Settings.from(null, Map.of(), Map.of(), dir).batchMaxEvents()).isEqualTo(500);
    }

    @Test
    void precedenceIsPerKeySoSourcesCombine() throws IOException {
        writeFile("auditweave.queue.capacity=40\nauditweave.retry.max-attempts=9\n");

        Settings settings = Settings.from("sink=memory", Map.of("auditweave.queue.capacity", "20"),
                Map.of("AUDITWEAVE_BATCH_MAX_EVENTS", "30"), dir);

        assertThat(settings.sinks()).containsExactly("memory");
        assertThat(settings.queueCapacity()).isEqualTo(20);
        assertThat(settings.batchMaxEvents()).isEqualTo(30);
        assertThat(settings.retryMaxAttempts()).isEqualTo(9);
        assertThat(settings.shutdownTimeout()).isEqualTo(ConfigKeys.SHUTDOWN_TIMEOUT.defaultValue());
    }

    @Test
    void headersArePrecedentPerNameIgnoringCase() throws IOException {
        writeFile("auditweave.http.header.X-Api-Key=from-file\nauditweave.http.header.X-From-File=f\n");

        Settings settings = Settings.from("http.header.x-api-key=from-args",
                Map.of("auditweave.http.header.X-API-KEY", "from-property"),
                Map.of("AUDITWEAVE_HTTP_HEADER_X_API_KEY", "from-env", "AUDITWEAVE_HTTP_HEADER_X_FROM_ENV", "e"),
                dir);

        assertThat(settings.httpHeaders()).containsExactly(
                Map.entry("x-api-key", "from-args"),
                Map.entry("X-FROM-ENV", "e"),
                Map.entry("X-From-File", "f"));
    }

    @Test
    void anInvalidValueThatLosesIsNotAnError() {
        Settings settings = Settings.from("batch.max-events=1", Map.of(KEY, "not a number"), Map.of(), null);

        assertThat(settings.batchMaxEvents()).isEqualTo(1);
    }

    @Test
    void onlyAuditweaveSystemPropertiesAreRead() {
        Settings settings = Settings.from(null, Map.of("java.version", "17", "sink", "http"), Map.of(), null);

        assertThat(settings.warnings()).isEmpty();
        assertThat(settings.describe()).isEmpty();
    }

    private Path writeFile(String content) throws IOException {
        return Files.writeString(dir.resolve("auditweave.properties"), content);
    }
}
