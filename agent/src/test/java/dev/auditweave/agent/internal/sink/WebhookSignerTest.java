package dev.auditweave.agent.internal.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auditweave.agent.ConfigException;
import dev.auditweave.agent.internal.config.Settings;
import dev.auditweave.agent.internal.event.Event;
import dev.auditweave.agent.spi.SendResult;
import dev.auditweave.testing.LoopbackReceiver;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Standard Webhooks signing: the specification's test vector, the secret's checks, and the headers on the wire. */
class WebhookSignerTest {

    /** The test vector of the Standard Webhooks specification and its reference libraries. */
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long TIMESTAMP = 1614265330L;
    private static final String BODY = "{\"test\": 2432232314}";
    private static final String SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

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
    void signature_reproducesTheSpecificationsTestVector() {
        assertThat(WebhookSigner.of(SECRET).signature(ID, TIMESTAMP, BODY.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(SIGNATURE);
    }

    @Test
    void of_acceptsTheKeyWithoutItsPrefix() {
        assertThat(WebhookSigner.of("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
                .signature(ID, TIMESTAMP, BODY.getBytes(StandardCharsets.UTF_8))).isEqualTo(SIGNATURE);
    }

    @Test
    void of_refusesTextThatIsNotBase64WithoutShowingIt() {
        assertThatThrownBy(() -> WebhookSigner.of("whsec_not*base64!"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not base64").hasMessageNotContaining("not*base64!");
    }

    @Test
    void of_refusesAShortKey() {
        assertThatThrownBy(() -> WebhookSigner.of("whsec_c2hvcnQ="))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 16 bytes, but the key has 5");
    }

    @Test
    void aSignedSink_sendsTheThreeHeadersOverTheExactBody_timestampFromItsClock() {
        Clock clock = Clock.fixed(Instant.ofEpochSecond(1_716_000_000L), ZoneOffset.UTC);
        HttpSink sink = signedSink(clock);

        assertThat(sink.send(List.of(new Event("id-a", "user.blocked", 1L, Map.of("kilo_user_id", "u-1")))))
                .isInstanceOf(SendResult.Delivered.class);

        LoopbackReceiver.Request request = receiver.requests().get(0);
        String id = request.headers().get("webhook-id");
        assertThat(id).startsWith("msg_");
        assertThat(request.headers()).containsEntry("webhook-timestamp", "1716000000");
        assertThat(request.headers().get("webhook-signature")).isEqualTo(WebhookSigner.of(SECRET)
                .signature(id, 1_716_000_000L, request.body().getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theWebhookId_isTheSameOnARetryOfTheSameBatch_andDiffersForAnother() {
        receiver.respond(LoopbackReceiver.Reply.status(503), LoopbackReceiver.Reply.status(200),
                LoopbackReceiver.Reply.status(200));
        HttpSink sink = signedSink(Clock.systemUTC());
        List<Event> batch = List.of(new Event("id-a", "user.blocked", 1L, Map.of()),
                new Event("id-b", "user.blocked", 1L, Map.of()));

        assertThat(sink.send(batch)).isInstanceOf(SendResult.Retry.class);
        assertThat(sink.send(batch)).isInstanceOf(SendResult.Delivered.class);
        sink.send(List.of(new Event("id-c", "user.blocked", 1L, Map.of())));

        List<String> ids = receiver.requests().stream().map(request -> request.headers().get("webhook-id")).toList();
        assertThat(ids.get(1)).isEqualTo(ids.get(0));
        assertThat(ids.get(2)).isNotEqualTo(ids.get(0));
    }

    @Test
    void signingSecretEnv_namingAnUnsetVariableIsAStartUpErrorNamingTheKey() {
        Settings settings = settings(Map.of());

        assertThatThrownBy(() -> Sinks.configured(settings))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("auditweave.sink.abuse.signing-secret-env")
                .hasMessageContaining("the environment variable ABUSE_WEBHOOK_SECRET is not set");
    }

    @Test
    void signingSecretEnv_namingAVariableWithABadSecretIsAStartUpErrorThatHidesIt() {
        Settings settings = settings(Map.of("ABUSE_WEBHOOK_SECRET", "whsec_c2hvcnQ="));

        assertThatThrownBy(() -> Sinks.configured(settings))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("ABUSE_WEBHOOK_SECRET holds no valid secret")
                .hasMessageNotContaining("c2hvcnQ");
    }

    @Test
    void signingSecretEnv_withAGoodSecretMakesASignedSink() {
        List<Sinks.Configured> sinks = Sinks.configured(settings(Map.of("ABUSE_WEBHOOK_SECRET", SECRET)));

        assertThat(sinks.get(0).sink().send(List.of(new Event("id-a", "user.blocked", 1L, Map.of()))))
                .isInstanceOf(SendResult.Delivered.class);
        assertThat(receiver.requests().get(0).headers()).containsKeys("webhook-id", "webhook-timestamp",
                "webhook-signature");
    }

    private Settings settings(Map<String, String> environment) {
        return Settings.from(null, Map.of(), environment, null).with(Map.of("auditweave.sinks", "abuse",
                "auditweave.sink.abuse.type", "http", "auditweave.sink.abuse.url", receiver.url().toString(),
                "auditweave.sink.abuse.signing-secret-env", "ABUSE_WEBHOOK_SECRET"));
    }

    private HttpSink signedSink(Clock clock) {
        return new HttpSink("abuse", receiver.url(), Map.of(), Duration.ofSeconds(5), Duration.ofSeconds(2),
                HttpSink.Options.isolating(Format.ENVELOPE, "auditweave", 1 << 20), WebhookSigner.of(SECRET), clock);
    }
}
