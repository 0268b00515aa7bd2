package dev.auditweave.sample.abuse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.auditweave.agent.internal.event.Event;
import dev.auditweave.agent.internal.sink.Format;
import dev.auditweave.agent.internal.sink.HttpSink;
import dev.auditweave.agent.internal.sink.WebhookSigner;
import dev.auditweave.agent.spi.SendResult;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The abuse service with signatures required, fed by auditweave's own signing http sink: a signed batch is taken; a
 * tampered body, a stale timestamp and an unsigned request are answered 401 and not stored.
 */
class SignedEventsTest {

    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final Instant NOW = Instant.parse("2024-05-18T10:00:00Z");

    private AbuseService service;
    private AbuseClient client;

    @BeforeEach
    void start() throws Exception {
        AbuseServiceConfig config = AbuseServiceConfig.local("abuse-signed-" + UUID.randomUUID(), AbuseClient.ID,
                AbuseClient.SECRET, Allowlist.of(List.of()), List.of());
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        service = AbuseService.start(config, clock, WebhookVerifier.of(SECRET, clock));
        client = new AbuseClient(service.pageUrl());
    }

    @AfterEach
    void stop() {
        service.close();
    }

    @Test
    void aSignedBatchFromTheSink_isAccepted() throws Exception {
        SendResult result = sink(NOW).send(List.of(event("e-1")));

        assertThat(result).isInstanceOf(SendResult.Delivered.class);
        assertThat(storedIds()).containsExactly("e-1");
    }

    @Test
    void aStaleSignature_isRefused401() throws Exception {
        SendResult result = sink(NOW.minus(Duration.ofMinutes(6))).send(List.of(event("e-1")));

        assertThat(result).isInstanceOf(SendResult.Rejected.class);
        assertThat(((SendResult.Rejected) result).reason()).contains("401", "more than 5 minutes from now");
        assertThat(storedIds()).isEmpty();
    }

    @Test
    void aTamperedBody_isRefused401() throws Exception {
        String body = AbuseClient.batch(AbuseClient.event("e-1", "user.blocked", "{\"kilo_user_id\":\"u-1\"}"));
        String signature = WebhookSigner.of(SECRET).signature("msg_1", NOW.getEpochSecond(),
                body.getBytes(StandardCharsets.UTF_8));
        String tampered = body.replace("u-1", "u-2");

        int status = post(tampered, "msg_1", signature);

        assertThat(status).isEqualTo(401);
        assertThat(post(body, "msg_1", signature)).as("the same signature over the real body").isEqualTo(200);
        assertThat(storedIds()).containsExactly("e-1");
    }

    @Test
    void anUnsignedRequest_isRefused401() throws Exception {
        AbuseClient.Answer answer = client.post("/api/events",
                AbuseClient.batch(AbuseClient.event("e-1", "user.blocked", "{\"kilo_user_id\":\"u-1\"}")));

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.body().get("error").asText()).startsWith("unsigned");
        assertThat(storedIds()).isEmpty();
    }

    private HttpSink sink(Instant signedAt) {
        return new HttpSink("abuse", service.eventsUrl(), Map.of("CF-Access-Client-Id", AbuseClient.ID,
                "CF-Access-Client-Secret", AbuseClient.SECRET), Duration.ofSeconds(10), Duration.ofSeconds(5),
                HttpSink.Options.isolating(Format.ENVELOPE, "auditweave", 1 << 20), WebhookSigner.of(SECRET),
                Clock.fixed(signedAt, ZoneOffset.UTC));
    }

    private static Event event(String id) {
        return new Event(id, "user.blocked", 1_716_000_000_000L, Map.of("kilo_user_id", "u-1"));
    }

    private int post(String body, String id, String signature) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(service.eventsUrl())
                .header("Content-Type", "application/json")
                .header("CF-Access-Client-Id", AbuseClient.ID).header("CF-Access-Client-Secret", AbuseClient.SECRET)
                .header("webhook-id", id).header("webhook-timestamp", Long.toString(NOW.getEpochSecond()))
                .header("webhook-signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private List<String> storedIds() throws Exception {
        JsonNode state = client.get("/api/state").body();
        return StreamSupport.stream(state.get("events").spliterator(), false)
                .map(event -> event.path("event_id").asText(event.path("id").asText())).toList();
    }
}
