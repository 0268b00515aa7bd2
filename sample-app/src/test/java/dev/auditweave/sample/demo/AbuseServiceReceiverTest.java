package dev.auditweave.sample.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AbuseServiceReceiverTest {

    private static final String ID = "client-id";
    private static final String SECRET = "client-secret";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private AbuseServiceReceiver receiver;

    @AfterEach
    void stop() {
        if (receiver != null) {
            receiver.close();
        }
    }

    @Test
    void listensOnLoopbackOnly() throws Exception {
        receiver = AbuseServiceReceiver.start(ID, SECRET);

        assertThat(receiver.eventsUrl().toString()).startsWith("http://127.0.0.1:").endsWith("/api/events");
    }

    @Test
    void refusesWrongOrMissingCredentialsWith401AndCountsThem() throws Exception {
        receiver = AbuseServiceReceiver.start(ID, SECRET);
        String body = batch(event("e-1", "user.blocked"));

        assertThat(post(body, ID, "wrong")).isEqualTo(401);
        assertThat(post(body, null, null)).isEqualTo(401);
        assertThat(post(body, SECRET, ID)).isEqualTo(401);

        Received received = receiver.snapshot();
        assertThat(received.rejected()).isEqualTo(3);
        assertThat(received.events()).isEmpty();
        assertThat(received.batches()).isZero();
    }

    @Test
    void recordsEventsAndDropsDuplicatesById() throws Exception {
        receiver = AbuseServiceReceiver.start(ID, SECRET);

        assertThat(post(batch(event("e-1", "user.blocked"), event("e-2", "user.unblocked")), ID, SECRET)).isEqualTo(200);
        assertThat(post(batch(event("e-1", "user.blocked"), event("e-3", "user.deleted")), ID, SECRET)).isEqualTo(200);

        Received received = receiver.snapshot();
        assertThat(received.events()).extracting(ReceivedEvent::id).containsExactly("e-1", "e-2", "e-3");
        assertThat(received.duplicates()).extracting(ReceivedEvent::id).containsExactly("e-1");
        assertThat(received.batches()).isEqualTo(2);
        ReceivedEvent first = received.events().get(0);
        assertThat(first.type()).isEqualTo("user.blocked");
        assertThat(first.occurredAt()).isEqualTo(1716000000000L);
        assertThat(first.data().get("kilo_user_id").asText()).isEqualTo("u-1");
    }

    @Test
    void takeAllForgetsTheIdsForTheNextRun() throws Exception {
        receiver = AbuseServiceReceiver.start(ID, SECRET);
        post(batch(event("e-1", "user.blocked")), ID, SECRET);

        assertThat(receiver.takeAll().events()).hasSize(1);
        post(batch(event("e-1", "user.blocked")), ID, SECRET);

        Received second = receiver.snapshot();
        assertThat(second.events()).hasSize(1);
        assertThat(second.duplicates()).isEmpty();
    }

    @Test
    void rejectsMalformedBodiesAndOtherMethods() throws Exception {
        receiver = AbuseServiceReceiver.start(ID, SECRET);

        assertThat(post("not json", ID, SECRET)).isEqualTo(400);
        assertThat(post("{\"event\": []}", ID, SECRET)).isEqualTo(400);
        HttpResponse<Void> get = http.send(HttpRequest.newBuilder(receiver.eventsUrl()).GET().build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(receiver.snapshot().events()).isEmpty();
    }

    private int post(String body, String clientId, String clientSecret) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(receiver.eventsUrl().toString()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (clientId != null) {
            request.header("CF-Access-Client-Id", clientId);
        }
        if (clientSecret != null) {
            request.header("CF-Access-Client-Secret", clientSecret);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String batch(String... events) {
        return "{\"events\":[" + String.join(",", events) + "]}";
    }

    private static String event(String id, String type) {
        return "{\"id\":\"" + id + "\",\"type\":\"" + type + "\",\"occurred_at\":1716000000000,"
                + "\"data\":{\"kilo_user_id\":\"u-1\"}}";
    }
}
