package dev.auditweave.agent.internal.config;

import dev.auditweave.agent.ConfigException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlaceholdersTest {

    @Test
    void resolvesVariablesFromTheEnvironment() {
        Settings settings = Settings.from("http.header.X-Api-Key=${KEY},http.url=https://${HOST}/api/events",
                Map.of(), Map.of("KEY", "s3cret", "HOST", "events.example.com"), null);

        assertThat(settings.httpHeaders()).containsExactly(Map.entry("X-Api-Key", "s3cret"));
        assertThat(settings.httpUrl()).contains(URI.create("https://events.example.com/api/events"));
    }

    @Test
    void usesTheDefaultWhenTheVariableIsUnsetOrEmpty() {
        Settings settings = Settings.from(null,
                Map.of("auditweave.batch.max-events", "${BATCH:-25}", "auditweave.queue.capacity", "${CAP:-30}"),
                Map.of("CAP", ""), null);

        assertThat(settings.batchMaxEvents()).isEqualTo(25);
        assertThat(settings.queueCapacity()).isEqualTo(30);
    }

    @Test
    void theVariableBeatsItsDefault() {
        Settings settings = Settings.from(null, Map.of("auditweave.batch.max-events", "${BATCH:-25}"),
                Map.of("BATCH", "40"), null);

        assertThat(settings.batchMaxEvents()).isEqualTo(40);
    }

    @Test
    void anEmptyDefaultLeavesAHeaderOut() {
        Settings settings = Settings.from("http.header.Authorization=${TOKEN:-},http.header.X-Id=a", Map.of(),
                Map.of(), null);

        assertThat(settings.httpHeaders()).containsExactly(Map.entry("X-Id", "a"));
    }

    @Test
    void anUnsetVariableWithoutDefaultNamesKeyAndVariable() {
        assertThatThrownBy(() -> Settings.from(null, Map.of("auditweave.http.url", "https://${HOST}/e"), Map.of(),
                null))
                .isInstanceOfSatisfying(ConfigException.class,
                        e -> assertThat(e.key()).isEqualTo("auditweave.http.url"))
                .hasMessage("auditweave.http.url = 'https://${HOST}/e' (system property): environment variable HOST"
                        + " is not set; set it, or give a default as ${HOST:-default}");
    }

    @Test
    void anUnsetVariableInAHeaderDoesNotShowTheValue() {
        assertThatThrownBy(() -> Settings.from("http.header.X-Api-Key=${KEY}", Map.of(), Map.of(), null))
                .isInstanceOfSatisfying(ConfigException.class,
                        e -> assertThat(e.key()).isEqualTo("auditweave.http.header.X-Api-Key"))
                .hasMessage("auditweave.http.header.X-Api-Key = '***' (agent argument): environment variable KEY"
                        + " is not set; set it, or give a default as ${KEY:-default}");
    }

    @Test
    void malformedReferencesAreErrors() {
        assertThatThrownBy(() -> Settings.from(null, Map.of("auditweave.http.url", "https://${HOST/e"), Map.of(),
                null))
                .isInstanceOf(ConfigException.class)
                .hasMessage("auditweave.http.url = 'https://${HOST/e' (system property): expected '}' to close '${'");
        assertThatThrownBy(() -> Settings.from(null, Map.of("auditweave.http.url", "${1X}"), Map.of(), null))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("not '${1X}'");
    }

    @Test
    void aVariableThatLosesIsNeverResolved() {
        Settings settings = Settings.from("http.url=", Map.of("auditweave.http.url", "${UNSET}"), Map.of(), null);

        assertThat(settings.httpUrl()).isEmpty();
    }

    @Test
    void resolvedTextIsNotScannedAgainAndDollarsStayLiteral() {
        Settings settings = Settings.from("http.header.X-A=${A},http.header.X-B=price $5", Map.of(),
                Map.of("A", "${B}"), null);

        assertThat(settings.httpHeaders()).containsExactly(Map.entry("X-A", "${B}"), Map.entry("X-B", "price $5"));
    }

    @Test
    void anInvalidResolvedValueShowsWhereItCameFrom() {
        assertThatThrownBy(() -> Settings.from(null, Map.of("auditweave.batch.max-events", "${BATCH}"),
                Map.of("BATCH", "lots"), null))
                .isInstanceOf(ConfigException.class)
                .hasMessage("auditweave.batch.max-events = 'lots' (system property, resolved from '${BATCH}'):"
                        + " expected a whole number from 1 to 100000");
    }
}
