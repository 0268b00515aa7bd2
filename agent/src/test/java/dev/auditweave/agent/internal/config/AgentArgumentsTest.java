package dev.auditweave.agent.internal.config;

import dev.auditweave.agent.ConfigException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AgentArgumentsTest {

    @Test
    void noArgumentsGiveAnEmptyLayer() {
        assertThat(AgentArguments.parse(null)).isEqualTo(Layer.EMPTY);
        assertThat(AgentArguments.parse("")).isEqualTo(Layer.EMPTY);
        assertThat(AgentArguments.parse("  ")).isEqualTo(Layer.EMPTY);
    }

    @Test
    void prefixIsOptional() {
        Layer layer = AgentArguments.parse("sink=http,auditweave.batch.max-events=7");

        assertThat(layer.values()).extracting(RawValue::key, RawValue::text, RawValue::origin).containsExactly(
                tuple("auditweave.sink", "http", Origin.AGENT_ARGUMENT),
                tuple("auditweave.batch.max-events", "7", Origin.AGENT_ARGUMENT));
    }

    @Test
    void aPieceWithoutEqualsContinuesThePreviousValue() {
        Layer layer = AgentArguments.parse("sink=log,http,http.url=http://host/api/events");

        assertThat(layer.values()).extracting(RawValue::key, RawValue::text).containsExactly(
                tuple("auditweave.sink", "log,http"),
                tuple("auditweave.http.url", "http://host/api/events"));
    }

    @Test
    void valuesKeepEqualsSignsAfterTheFirst() {
        Layer layer = AgentArguments.parse("http.url=https://host/api/events?tenant=a&x=1,http.header.X-Api-Key=${KEY}");

        assertThat(layer.values()).extracting(RawValue::key, RawValue::text).containsExactly(
                tuple("auditweave.http.url", "https://host/api/events?tenant=a&x=1"),
                tuple("auditweave.http.header.X-Api-Key", "${KEY}"));
    }

    @Test
    void surroundingWhitespaceAndTrailingCommasAreIgnored() {
        Layer layer = AgentArguments.parse(" sink = log , http ,");

        assertThat(layer.values()).extracting(RawValue::key, RawValue::text)
                .containsExactly(tuple("auditweave.sink", "log , http"));
        assertThat(Settings.from(" sink = log , http ,", Map.of(), Map.of(), null).sinks())
                .containsExactly("log", "http");
    }

    @Test
    void aRepeatedKeyKeepsTheLastValueAndWarns() {
        Layer layer = AgentArguments.parse("sink=log,batch.max-events=3,sink=http");

        assertThat(layer.values()).extracting(RawValue::key, RawValue::text).containsExactly(
                tuple("auditweave.batch.max-events", "3"),
                tuple("auditweave.sink", "http"));
        assertThat(layer.warnings()).containsExactly(
                "auditweave.sink is given more than once in the agent arguments; the last value wins");
    }

    @Test
    void aLeadingPieceWithoutEqualsIsAnError() {
        assertThatThrownBy(() -> AgentArguments.parse("http,sink=log"))
                .isInstanceOfSatisfying(ConfigException.class,
                        e -> assertThat(e.key()).isEqualTo("auditweave.http"))
                .hasMessage("'http' (agent argument): expected key=value pairs separated by commas, such as"
                        + " sink=http,http.url=https://host/api/events");
    }

    @Test
    void anEmptyKeyIsAnError() {
        assertThatThrownBy(() -> AgentArguments.parse("=http"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("'=http' (agent argument): expected a key before '='");
    }

    @Test
    void agentArgumentsReachTheSettings() {
        Settings settings = Settings.from("sink=log,http,http.url=http://host/api/events?a=1&b=2,"
                + "http.header.X-Api-Key=secret", Map.of(), Map.of(), null);

        assertThat(settings.sinks()).containsExactly("log", "http");
        assertThat(settings.httpUrl()).contains(URI.create("http://host/api/events?a=1&b=2"));
        assertThat(settings.httpHeaders()).containsExactly(Map.entry("X-Api-Key", "secret"));
    }
}
