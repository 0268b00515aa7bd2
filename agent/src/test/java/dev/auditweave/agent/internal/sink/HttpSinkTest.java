package dev.auditweave.agent.internal.sink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditweave.agent.internal.event.Event;
import dev.auditweave.agent.spi.SendResult;
import dev.auditweave.testing.LoopbackReceiver;
import dev.auditweave.testing.LoopbackReceiver.Reply;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpSinkTest {

    private LoopbackReceiver receiver;
    private HttpSink sink;

    @BeforeEach
    void start() throws IOException {
        receiver = LoopbackReceiver.start();
        sink = new HttpSink(receiver.url(), Map.of("CF-Access-Client-Id", "id-1", "CF-Access-Client-Secret", "s3cret"),
                Duration.ofSeconds(5), Duration.ofSeconds(2));
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    @Test
    void postsTheEnvelopeAsJsonWithTheConfiguredHeaders() {
        Event event = new Event("id-a", "user.blocked", 1716000000000L, Map.of("kilo_user_id", "u-1"));

        SendResult result = sink.send(List.of(event));

        assertThat(result).isInstanceOf(SendResult.Delivered.class);
        LoopbackReceiver.Request request = receiver.requests().get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/api/events");
        assertThat(request.headers()).containsEntry("content-type", "application/json")
                .containsEntry("cf-access-client-id", "id-1").containsEntry("cf-access-client-secret", "s3cret");
        assertThat(request.json().toString()).isEqualTo(
                "{\"events\":[{\"id\":\"id-a\",\"type\":\"user.blocked\",\"occurred_at\":1716000000000,"
                        + "\"data\":{\"kilo_user_id\":\"u-1\"}}]}");
    }

    @Test
    void keepsTheConnectionAliveAcrossBatches() {
        sink.send(List.of(event("a")));
        sink.send(List.of(event("b")));
        sink.send(List.of(event("c")));

        assertThat(receiver.requests()).extracting(LoopbackReceiver.Request::remotePort).containsOnly(
                receiver.requests().get(0).remotePort());
    }

    @Test
    void serverErrorsAreRetryable() {
        receiver.respond(Reply.status(503).body("overloaded"));

        SendResult result = sink.send(List.of(event("a")));

        assertThat(result).isInstanceOfSatisfying(SendResult.Retry.class, retry -> {
            assertThat(retry.reason()).contains("503").contains("overloaded");
            assertThat(retry.retryAfter()).isNull();
        });
    }

    @Test
    void tooManyRequestsIsRetryableAfterTheServersDelay() {
        receiver.respond(Reply.status(429).header("Retry-After", "7"));

        SendResult result = sink.send(List.of(event("a")));

        assertThat(result).isInstanceOfSatisfying(SendResult.Retry.class,
                retry -> assertThat(retry.retryAfter()).isEqualTo(Duration.ofSeconds(7)));
    }

    @Test
    void otherClientErrorsAreRejectedWithTheReason() {
        receiver.respond(Reply.status(400).body("{\"error\":\"data.kilo_user_id is required\"}"));

        SendResult result = sink.send(List.of(event("a")));

        assertThat(result).isInstanceOfSatisfying(SendResult.Rejected.class,
                rejected -> assertThat(rejected.reason()).contains("400").contains("kilo_user_id is required"));
    }

    @Test
    void theReceiversPolicyDecidesPerRequestOnceTheScriptIsUsedUp() {
        receiver.respond(Reply.status(503)).answer(request -> request.body().contains("poison")
                ? Reply.status(422) : Reply.status(200));

        assertThat(sink.send(List.of(event("a")))).isInstanceOf(SendResult.Retry.class);
        assertThat(sink.send(List.of(event("poison")))).isInstanceOf(SendResult.Rejected.class);
        assertThat(sink.send(List.of(event("b")))).isInstanceOf(SendResult.Delivered.class);
    }

    @Test
    void aRefusedConnectionIsRetryable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        HttpSink nowhere = new HttpSink(URI.create("http://127.0.0.1:" + closedPort + "/api/events"), Map.of(),
                Duration.ofSeconds(2), Duration.ofSeconds(1));

        assertThat(nowhere.send(List.of(event("a")))).isInstanceOf(SendResult.Retry.class);
    }

    @Test
    void aHeaderTheClientCannotSendIsDroppedNotFatal() {
        HttpSink withBadHeader = new HttpSink(receiver.url(), Map.of("Host", "evil", "X-Ok", "yes"),
                Duration.ofSeconds(5), Duration.ofSeconds(2));

        assertThat(withBadHeader.send(List.of(event("a")))).isInstanceOf(SendResult.Delivered.class);
        assertThat(receiver.requests().get(0).headers()).containsEntry("x-ok", "yes");
    }

    private static Event event(String id) {
        return new Event(id, "user.blocked", 1L, Map.of());
    }
}
