package dev.auditweave.agent.internal.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DescribeTest {

    @Test
    void listsEveryKeySomeSourceSetWithItsSource() {
        Settings settings = Settings.from("sink=log,http", Map.of("auditweave.batch.max-events", "50"),
                Map.of("AUDITWEAVE_HTTP_URL", "https://host/api/events"), null);

        assertThat(settings.describe()).isEqualTo("""
                auditweave.sink = log,http (agent argument)
                auditweave.http.url = https://host/api/events (environment variable AUDITWEAVE_HTTP_URL)
                auditweave.batch.max-events = 50 (system property)""");
    }

    @Test
    void masksHeaderValues() {
        Settings settings = Settings.from("http.header.X-Api-Key=${KEY}",
                Map.of("auditweave.http.header.Authorization", "Bearer abc.def"),
                Map.of("KEY", "s3cret-key", "AUDITWEAVE_HTTP_HEADER_CF_ACCESS_CLIENT_SECRET", "cf-secret"), null);

        assertThat(settings.describe()).isEqualTo("""
                auditweave.http.header.X-Api-Key = *** (agent argument)
                auditweave.http.header.Authorization = *** (system property)
                auditweave.http.header.CF-ACCESS-CLIENT-SECRET = *** (environment variable \
                AUDITWEAVE_HTTP_HEADER_CF_ACCESS_CLIENT_SECRET)""");
        assertThat(settings.toString()).doesNotContain("s3cret", "abc.def", "cf-secret").contains("***");
        assertThat(settings.httpHeaders()).containsEntry("X-Api-Key", "s3cret-key");
    }

    @Test
    void masksAPasswordInTheUrl() {
        Settings settings = Settings.from("http.url=https://user:pw@host/api/events", Map.of(), Map.of(), null);

        assertThat(settings.describe())
                .isEqualTo("auditweave.http.url = https://***@host/api/events (agent argument)");
        assertThat(settings.httpUrl()).hasValueSatisfying(url -> assertThat(url.getUserInfo()).isEqualTo("user:pw"));
    }

    @Test
    void isEmptyAtDefaults() {
        assertThat(Settings.defaults().describe()).isEmpty();
        assertThat(Settings.defaults()).hasToString("Settings[]");
    }

    @Test
    void toStringIsOneLine() {
        Settings settings = Settings.from("sink=memory,enabled=false", Map.of(), Map.of(), null);

        assertThat(settings).hasToString(
                "Settings[auditweave.enabled = false (agent argument), auditweave.sink = memory (agent argument)]");
    }
}
