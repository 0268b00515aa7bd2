package dev.auditweave.sample.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuditLogReceiverTest {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private AuditLogReceiver receiver;

    @BeforeEach
    void start() throws Exception {
        receiver = AuditLogReceiver.start();
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    @Test
    void listensOnLoopbackOnly() {
        assertThat(receiver.eventsUrl().toString()).startsWith("http://127.0.0.1:").endsWith("/api/audit-log");
    }

    @Test
    void storesEachEventAsARowAndDropsDuplicatesById() throws Exception {
        assertThat(post(batch(event("e-1", "user.blocked"), event("e-2", "subscription.upgraded")))).isEqualTo(200);
        assertThat(post(batch(event("e-1", "user.blocked"), event("e-1", "user.blocked")))).isEqualTo(200);

        Received received = receiver.takeAll();
        assertThat(received.events()).extracting(ReceivedEvent::id).containsExactly("e-1", "e-2");
        assertThat(received.duplicates()).extracting(ReceivedEvent::id).containsExactly("e-1", "e-1");
        assertThat(received.batches()).isEqualTo(2);
        ReceivedEvent first = received.events().get(0);
        assertThat(first.type()).isEqualTo("user.blocked");
        assertThat(first.occurredAt()).isEqualTo(1716000000000L);
        assertThat(first.data().get("kilo_user_id").asText()).isEqualTo("u-1");
    }

    @Test
    void takeAllEmptiesTheTableForTheNextRun() throws Exception {
        post(batch(event("e-1", "user.blocked")));

        assertThat(receiver.takeAll().events()).hasSize(1);
        post(batch(event("e-1", "user.blocked")));

        Received second = receiver.takeAll();
        assertThat(second.events()).hasSize(1);
        assertThat(second.duplicates()).isEmpty();
    }

    @Test
    void answers500AndCountsItWhenTheAuditTableIsGone() throws Exception {
        try (Connection connection = DriverManager.getConnection(receiver.jdbcUrl(), "sa", "");
             Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE " + AuditLogReceiver.TABLE);
        }

        assertThat(post(batch(event("e-1", "user.blocked")))).isEqualTo(500);
        assertThat(receiver.failures()).isEqualTo(1);
    }

    @Test
    void rejectsMalformedBodiesAndOtherMethods() throws Exception {
        assertThat(post("not json")).isEqualTo(400);
        assertThat(post("{\"event\": []}")).isEqualTo(400);
        HttpResponse<Void> get = http.send(HttpRequest.newBuilder(receiver.eventsUrl()).GET().build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(receiver.takeAll().events()).isEmpty();
    }

    private int post(String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(receiver.eventsUrl())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String batch(String... events) {
        return "{\"events\":[" + String.join(",", events) + "]}";
    }

    private static String event(String id, String type) {
        return "{\"id\":\"" + id + "\",\"type\":\"" + type + "\",\"occurred_at\":1716000000000,"
                + "\"data\":{\"kilo_user_id\":\"u-1\"}}";
    }
}
