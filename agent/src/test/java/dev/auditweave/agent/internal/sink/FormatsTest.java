package dev.auditweave.agent.internal.sink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.auditweave.agent.internal.event.Event;
import dev.auditweave.agent.spi.SendResult;
import dev.auditweave.testing.LoopbackReceiver;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The bodies of auditweave.sink.<name>.format, against a real HTTP server. */
class FormatsTest {

    private static final Event SIGNIN = new Event("id-1", "auth.signin", 1_716_000_000_123L,
            data("kilo_user_id", "u-1", "event_type", "signin"));
    private static final Event BLOCKED = new Event("id-2", "user.blocked", 1_716_000_000_000L,
            data("kilo_user_id", "u-2"));

    private LoopbackReceiver receiver;

    @BeforeEach
    void start() throws IOException {
        receiver = LoopbackReceiver.start();
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    @Test
    void envelopeIsOneRequestPerBatch() {
        assertThat(sink(Format.ENVELOPE).send(List.of(SIGNIN, BLOCKED))).isInstanceOf(SendResult.Delivered.class);

        assertThat(receiver.requests()).singleElement().satisfies(request -> {
            assertThat(request.headers()).containsEntry("content-type", "application/json");
            assertThat(request.body()).isEqualTo("{\"events\":[{\"id\":\"id-1\",\"type\":\"auth.signin\","
                    + "\"occurred_at\":1716000000123,\"data\":{\"kilo_user_id\":\"u-1\",\"event_type\":\"signin\"}},"
                    + "{\"id\":\"id-2\",\"type\":\"user.blocked\",\"occurred_at\":1716000000000,"
                    + "\"data\":{\"kilo_user_id\":\"u-2\"}}]}");
        });
    }

    @Test
    void flatIsTheDataObjectAloneOneRequestPerEvent() {
        assertThat(sink(Format.FLAT).send(List.of(SIGNIN, BLOCKED))).isInstanceOf(SendResult.Delivered.class);

        assertThat(receiver.requests()).extracting(LoopbackReceiver.Request::body).containsExactly(
                "{\"kilo_user_id\":\"u-1\",\"event_type\":\"signin\"}", "{\"kilo_user_id\":\"u-2\"}");
        assertThat(receiver.requests()).allSatisfy(request ->
                assertThat(request.headers()).containsEntry("content-type", "application/json"));
    }

    @Test
    void cloudEventsIsOneStructuredEventPerRequest() {
        assertThat(sink(Format.CLOUDEVENTS).send(List.of(SIGNIN, BLOCKED))).isInstanceOf(SendResult.Delivered.class);

        List<LoopbackReceiver.Request> requests = receiver.requests();
        assertThat(requests).hasSize(2).allSatisfy(request ->
                assertThat(request.headers()).containsEntry("content-type", "application/cloudevents+json"));
        assertThat(requests.get(0).body()).isEqualTo("{\"specversion\":\"1.0\",\"id\":\"id-1\","
                + "\"source\":\"/billing-service\",\"type\":\"auth.signin\",\"time\":\"2024-05-18T02:40:00.123Z\","
                + "\"datacontenttype\":\"application/json\","
                + "\"data\":{\"kilo_user_id\":\"u-1\",\"event_type\":\"signin\"}}");
        assertThat(requests.get(1).json().path("time").asText()).isEqualTo("2024-05-18T02:40:00Z");
    }

    @Test
    void cloudEventsBatchIsAnArray() {
        assertThat(sink(Format.CLOUDEVENTS_BATCH).send(List.of(SIGNIN, BLOCKED)))
                .isInstanceOf(SendResult.Delivered.class);

        LoopbackReceiver.Request request = receiver.requests().get(0);
        assertThat(receiver.requests()).hasSize(1);
        assertThat(request.headers()).containsEntry("content-type", "application/cloudevents-batch+json");
        JsonNode array = request.json();
        assertThat(array.isArray()).isTrue();
        assertThat(array).hasSize(2);
        assertThat(array.get(1).path("specversion").asText()).isEqualTo("1.0");
        assertThat(array.get(1).path("id").asText()).isEqualTo("id-2");
        assertThat(array.get(1).path("source").asText()).isEqualTo("/billing-service");
        assertThat(array.get(1).path("data").path("kilo_user_id").asText()).isEqualTo("u-2");
    }

    @Test
    void formatsAreNamedAsInTheConfiguration() {
        assertThat(Format.of("cloudevents-batch")).isEqualTo(Format.CLOUDEVENTS_BATCH);
        assertThat(Format.of("FLAT")).isEqualTo(Format.FLAT);
        assertThat(Format.ENVELOPE).hasToString("envelope");
    }

    private HttpSink sink(Format format) {
        return new HttpSink("abuse", receiver.url(), Map.of(), Duration.ofSeconds(5), Duration.ofSeconds(2),
                HttpSink.Options.isolating(format, "/billing-service", 1 << 20));
    }

    private static Map<String, Object> data(String... keysAndValues) {
        Map<String, Object> data = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            data.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return data;
    }
}
