package dev.auditweave.sample.abuse;

import static dev.auditweave.sample.abuse.AbuseClient.batch;
import static dev.auditweave.sample.abuse.AbuseClient.event;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The abuse service over HTTP, in this JVM, on a fresh in-memory database and a fixed clock. */
class AbuseServiceTest {

    private static final Instant NOW = Instant.parse("2024-05-18T10:00:00Z");
    private static final String EVE = "eve@acme.example";
    private static final String OPS = "ops@kilo.example";

    private AbuseService service;
    private AbuseClient client;

    @BeforeEach
    void start() throws Exception {
        AbuseServiceConfig config = AbuseServiceConfig.local("abuse-test-" + UUID.randomUUID(), AbuseClient.ID,
                AbuseClient.SECRET, Allowlist.of(List.of("10.0.0.0/8")),
                List.of(new Editor(EVE, "o-acme"), new Editor(OPS, Editor.ANY_ORGANIZATION)));
        service = AbuseService.start(config, Clock.fixed(NOW, ZoneOffset.UTC));
        client = new AbuseClient(service.pageUrl());
    }

    @AfterEach
    void stop() {
        service.close();
    }

    // --- CF-Access

    @Test
    void events_withoutCredentials_401() throws Exception {
        AbuseClient.Answer answer = client.postWithout("/api/events",
                batch(event("e-1", "user.blocked", "{\"kilo_user_id\":\"u-1\"}")));

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.body().get("error").asText()).contains("CF-Access-Client-Id");
        assertThat(events()).isEmpty();
        assertThat(state().at("/counters/refused").asLong()).isEqualTo(1);
    }

    @Test
    void authEvent_withoutCredentials_401() throws Exception {
        assertThat(client.postWithout("/api/auth-event", "{\"kilo_user_id\":\"u-1\",\"event_type\":\"signin\"}")
                .status()).isEqualTo(401);
        assertThat(events()).isEmpty();
    }

    @Test
    void adminAndVerdicts_withoutCredentials_401() throws Exception {
        assertThat(client.get("/api/state").status()).isEqualTo(200);
        assertThat(client.postWithout("/api/demo/not-sent", "{}").status()).isEqualTo(401);
    }

    // --- receiving

    @Test
    void events_duplicateByIdIsOneRow() throws Exception {
        String blocked = event("e-1", "user.blocked", "{\"kilo_user_id\":\"u-1\"}");

        AbuseClient.Answer first = client.post("/api/events", batch(blocked));
        AbuseClient.Answer redelivered = client.post("/api/events", batch(blocked,
                event("e-2", "user.email_changed", "{\"kilo_user_id\":\"u-1\"}")));

        assertThat(first.body().get("accepted").asInt()).isEqualTo(1);
        assertThat(redelivered.body().get("accepted").asInt()).isEqualTo(1);
        assertThat(redelivered.body().get("duplicates").asInt()).isEqualTo(1);
        assertThat(events()).extracting(event -> event.get("event_id").asText()).containsExactly("e-2", "e-1");
        assertThat(state().at("/counters/duplicates").asLong()).isEqualTo(1);
    }

    @Test
    void events_unknownTypeIsAcceptedAndListedOnce() throws Exception {
        client.post("/api/events", batch(event("e-1", "brand.new", "{\"kilo_user_id\":\"u-1\"}"),
                event("e-2", "brand.new", "{\"kilo_user_id\":\"u-1\"}")));

        assertThat(events()).hasSize(2).allSatisfy(event -> {
            assertThat(event.get("known").asBoolean()).isFalse();
            assertThat(event.get("points").asInt()).isZero();
        });
        assertThat(service.ingest().unknownTypes()).containsExactly("brand.new");
    }

    @Test
    void events_occurredAtAbsentIsTheReceiptTime() throws Exception {
        client.post("/api/events", "{\"events\":[{\"id\":\"e-1\",\"type\":\"user.deleted\",\"data\":{}}]}");

        JsonNode event = events().get(0);
        assertThat(event.get("occurred_at").asLong()).isEqualTo(NOW.toEpochMilli());
        assertThat(event.get("subject").asText()).isEqualTo(IncomingEvents.UNATTRIBUTED);
    }

    @Test
    void events_notAnEnvelope_400() throws Exception {
        AbuseClient.Answer answer = client.post("/api/events", "{\"event\":[]}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().get("error").asText()).isEqualTo("expected {\"events\": [...]}");
    }

    @Test
    void authEvent_isStoredAsAuthType() throws Exception {
        client.post("/api/auth-event", "{\"kilo_user_id\":\"u-9\",\"event_type\":\"signup\",\"ip_address\":\"1.2.3.4\"}");

        JsonNode event = events().get(0);
        assertThat(event.get("type").asText()).isEqualTo("auth.signup");
        assertThat(event.get("subject").asText()).isEqualTo("u-9");
        assertThat(event.get("points").asInt()).isEqualTo(5);
    }

    // --- scoring

    @Test
    void scores_addUpPerIdentityWithBands() throws Exception {
        client.post("/api/events", batch(
                event("e-1", "stripe.radar.early_fraud_warning.created", "{\"customer\":\"cus_1\"}"),
                event("e-2", "stripe.charge.dispute.created", "{\"customer\":\"cus_1\"}"),
                event("e-3", "user.email_changed", "{\"kilo_user_id\":\"u-1\"}")));

        assertThat(identity("cus_1").get("score").asInt()).isEqualTo(90);
        assertThat(identity("cus_1").get("band").asText()).isEqualTo("high");
        assertThat(identity("u-1").get("band").asText()).isEqualTo("none");
    }

    @Test
    void scores_allowlistedAddressIsNotScored() throws Exception {
        client.post("/api/events", batch(event("e-1", "user.blocked",
                "{\"kilo_user_id\":\"u-1\",\"ip_address\":\"10.1.2.3\"}")));

        assertThat(events().get(0).get("band").asText()).isEqualTo("allowlisted");
        assertThat(identity("u-1").get("score").asInt()).isZero();
    }

    @Test
    void thresholds_changedAtRunTimeRebandTheIdentities() throws Exception {
        client.post("/api/events", batch(event("e-1", "user.blocked", "{\"kilo_user_id\":\"u-1\"}")));
        assertThat(identity("u-1").get("band").asText()).isEqualTo("low");

        AbuseClient.Answer answer = client.put("/api/admin/thresholds", "{\"low\":10,\"medium\":20,\"high\":35}");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().get("changed").asBoolean()).isTrue();
        assertThat(identity("u-1").get("band").asText()).isEqualTo("high");
        assertThat(state().at("/thresholds/0/high").asInt()).isEqualTo(35);
    }

    @Test
    void thresholds_perTypeAppliesToTheNextEventOfThatType() throws Exception {
        client.put("/api/admin/thresholds", "{\"scope\":\"stripe.charge.failed\",\"low\":5,\"medium\":10,\"high\":15}");

        client.post("/api/events", batch(event("e-1", "stripe.charge.failed", "{\"customer\":\"cus_2\"}")));

        assertThat(events().get(0).get("band").asText()).isEqualTo("high");
        assertThat(identity("cus_2").get("band").asText()).isEqualTo("none");
    }

    @Test
    void thresholds_invalid_400NamingTheProblem() throws Exception {
        AbuseClient.Answer answer = client.put("/api/admin/thresholds", "{\"low\":50,\"medium\":40,\"high\":90}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().get("error").asText()).isEqualTo("medium (40) must be above low (50)");
        assertThat(state().at("/thresholds/0/low").asInt()).isEqualTo(30);
    }

    @Test
    void score_onAMissingLogEntry_404() throws Exception {
        AbuseClient.Answer answer = client.put("/api/logs/4242/score", "{\"score\":10}");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.body().get("error").asText()).isEqualTo("no log entry 4242");
    }

    @Test
    void score_analystsScoreReplacesThePoints() throws Exception {
        client.post("/api/events", batch(event("e-1", "user.blocked", "{\"kilo_user_id\":\"u-1\"}")));
        long logId = events().get(0).get("log_id").asLong();

        assertThat(client.put("/api/logs/" + logId + "/score", "{\"score\":90}").status()).isEqualTo(200);

        assertThat(identity("u-1").get("score").asInt()).isEqualTo(90);
        assertThat(client.put("/api/logs/" + logId + "/score", "{\"score\":101}").status()).isEqualTo(400);
    }

    // --- verdicts

    @Test
    void verdict_isAnUpsertKeyedByTheLogId() throws Exception {
        long logId = acmeEntry();

        AbuseClient.Answer first = client.putAs(EVE, "/api/logs/" + logId + "/verdict", "{\"verdict\":\"confirmed\"}");
        AbuseClient.Answer second = client.putAs(EVE, "/api/logs/" + logId + "/verdict",
                "{\"verdict\":\"false_positive\"}");

        assertThat(first.body().get("inserted").asBoolean()).isTrue();
        assertThat(second.body().get("inserted").asBoolean()).isFalse();
        assertThat(events().get(0).get("verdict").asText()).isEqualTo("false_positive");
        assertThat(identity("u-1").get("score").asInt()).isZero();
    }

    @Test
    void verdict_editorOfAnotherOrganisation_403() throws Exception {
        client.post("/api/events", batch(event("e-1", "org.member_added",
                "{\"kilo_user_id\":\"u-2\",\"organization_id\":\"o-globex\"}")));
        long logId = events().get(0).get("log_id").asLong();

        AbuseClient.Answer answer = client.putAs(EVE, "/api/logs/" + logId + "/verdict", "{\"verdict\":\"confirmed\"}");

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.body().get("error").asText()).isEqualTo("editor eve@acme.example of organization o-acme "
                + "may not mark log entry " + logId + ", which belongs to organization o-globex");
        assertThat(events().get(0).get("verdict").isNull()).isTrue();
        assertThat(client.putAs(OPS, "/api/logs/" + logId + "/verdict", "{\"verdict\":\"confirmed\"}").status())
                .isEqualTo(200);
    }

    @Test
    void verdict_onAMissingLogEntry_404() throws Exception {
        AbuseClient.Answer answer = client.putAs(OPS, "/api/logs/77/verdict", "{\"verdict\":\"confirmed\"}");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.body().get("error").asText()).isEqualTo("no log entry 77");
    }

    @Test
    void verdict_withoutOrByANonEditor() throws Exception {
        long logId = acmeEntry();

        assertThat(client.put("/api/logs/" + logId + "/verdict", "{\"verdict\":\"confirmed\"}").status())
                .isEqualTo(401);
        AbuseClient.Answer stranger = client.putAs("mallory@evil.example", "/api/logs/" + logId + "/verdict",
                "{\"verdict\":\"confirmed\"}");
        assertThat(stranger.status()).isEqualTo(403);
        assertThat(stranger.body().get("error").asText()).isEqualTo("mallory@evil.example is not an editor");
        assertThat(client.putAs(EVE, "/api/logs/" + logId + "/verdict", "{\"verdict\":\"maybe\"}").status())
                .isEqualTo(400);
    }

    // --- the demo's list

    @Test
    void notSent_theLatestListOfEachRunIsShown() throws Exception {
        String item = "{\"sink\":\"abuse\",\"step\":3,\"description\":\"block again\",\"why\":\"no row changed\","
                + "\"ok\":true}";
        client.post("/api/demo/not-sent", "{\"run\":\"javaagent\",\"items\":[" + item + "," + item + "]}");
        client.post("/api/demo/not-sent", "{\"run\":\"javaagent\",\"items\":[" + item + "]}");
        client.post("/api/demo/not-sent", "{\"run\":\"woven\",\"items\":[" + item + "]}");

        JsonNode notSent = state().get("not_sent");
        assertThat(notSent).hasSize(2);
        assertThat(notSent.get(0).get("run").asText()).isEqualTo("javaagent");
        assertThat(notSent.get(1).get("why").asText()).isEqualTo("no row changed");
    }

    private long acmeEntry() throws Exception {
        client.post("/api/events", batch(event("e-1", "org.member_added",
                "{\"kilo_user_id\":\"u-1\",\"organization_id\":\"o-acme\"}")));
        return events().get(0).get("log_id").asLong();
    }

    private JsonNode state() throws Exception {
        AbuseClient.Answer answer = client.get("/api/state");
        assertThat(answer.status()).isEqualTo(200);
        return answer.body();
    }

    private List<JsonNode> events() throws Exception {
        return StreamSupport.stream(state().get("events").spliterator(), false).toList();
    }

    private JsonNode identity(String subject) throws Exception {
        return StreamSupport.stream(state().get("identities").spliterator(), false)
                .filter(identity -> identity.get("subject").asText().equals(subject))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no identity " + subject));
    }
}
