package dev.auditweave.agent.internal.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UnknownKeysTest {

    @Test
    void aMisspelledSystemPropertyWarnsWithASuggestion() {
        Settings settings = Settings.from(null, Map.of("auditweave.htp.url", "http://h/e"), Map.of(), null);

        assertThat(settings.httpUrl()).isEmpty();
        assertThat(settings.warnings()).containsExactly(
                "unknown key auditweave.htp.url (system property); did you mean auditweave.http.url?");
    }

    @Test
    void aMisspelledAgentArgumentWarnsWithTheFullKey() {
        Settings settings = Settings.from("batch.max-event=5", Map.of(), Map.of(), null);

        assertThat(settings.warnings()).containsExactly("unknown key auditweave.batch.max-event (agent argument);"
                + " did you mean auditweave.batch.max-events?");
    }

    @Test
    void aMisspelledHeaderFamilyIsSuggestedWithTheSameHeader() {
        Settings settings = Settings.from("http.headers.X-Api-Key=k", Map.of(), Map.of(), null);

        assertThat(settings.httpHeaders()).isEmpty();
        assertThat(settings.warnings()).containsExactly("unknown key auditweave.http.headers.X-Api-Key"
                + " (agent argument); did you mean auditweave.http.header.X-Api-Key?");
    }

    @Test
    void wrongCaseIsSuggested() {
        Settings settings = Settings.from(null, Map.of("auditweave.Sink", "http"), Map.of(), null);

        assertThat(settings.warnings()).containsExactly(
                "unknown key auditweave.Sink (system property); did you mean auditweave.sink?");
    }

    @Test
    void farFetchedKeysGetNoSuggestion() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("auditweave.colour", "blue");
        properties.put("auditweave.http.header.", "empty name");

        Settings settings = Settings.from(null, properties, Map.of(), null);

        assertThat(settings.warnings()).containsExactly(
                "unknown key auditweave.colour (system property)",
                "unknown key auditweave.http.header. (system property)");
    }

    @Test
    void unknownKeysAreNotErrorsAndKnownOnesStillApply() {
        Settings settings = Settings.from("sink=memory,bogus=1", Map.of(), Map.of(), null);

        assertThat(settings.sinks()).containsExactly("memory");
        assertThat(settings.warnings()).containsExactly("unknown key auditweave.bogus (agent argument)");
    }

    @Test
    void suggestionsUseEditDistance() {
        assertThat(Suggestions.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(Suggestions.distance("", "abc")).isEqualTo(3);
        assertThat(Suggestions.distance("same", "same")).isZero();
        assertThat(Suggestions.closestKey("auditweave.queue.capasity")).contains("auditweave.queue.capacity");
        assertThat(Suggestions.closestKey("auditweave.foo")).isEmpty();
    }
}
