package dev.auditweave.agent.internal.sink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.auditweave.agent.internal.event.Event;
import dev.auditweave.agent.spi.SendResult;
import dev.auditweave.agent.spi.SinkEvent;
import dev.auditweave.testing.LoopbackReceiver;
import dev.auditweave.testing.LoopbackReceiver.Reply;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A batch refused with 400/422 is bisected down to the refused events; the rest is delivered. */
class PoisonIsolationTest {

    private LoopbackReceiver receiver;

    @BeforeEach
    void start() throws IOException {
        receiver = LoopbackReceiver.start();
        // The endpoint refuses any body holding a poison event, as a schema check would.
        receiver.answer(request -> request.body().contains("\"poison\"") ? Reply.status(422).body("bad data")
                : Reply.status(200));
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    @Test
    void bisectsToTheRefusedEventsAndDeliversTheRest() {
        List<Event> batch = events(8, 2, 5);

        SendResult result = sink(Format.ENVELOPE, 1 << 20).send(batch);

        assertThat(result).isInstanceOfSatisfying(SendResult.Partial.class, partial -> {
            assertThat(partial.delivered()).isEqualTo(6);
            assertThat(partial.poisoned()).extracting(p -> p.event().id()).containsExactly("e2", "e5");
            assertThat(partial.poisoned()).allSatisfy(p -> assertThat(p.reason()).contains("422").contains("bad data"));
        });
        assertThat(ids(receiver.events())).containsExactlyInAnyOrder("e0", "e1", "e3", "e4", "e6", "e7");
    }

    @Test
    void aSingleRefusedEventIsPoisonNotARejection() {
        Event poison = events(1, 0).get(0);

        SendResult result = sink(Format.ENVELOPE, 1 << 20).send(List.of(poison));

        assertThat(result).isEqualTo(new SendResult.Partial(0, List.of(new SendResult.Poison(poison,
                "POST " + receiver.url() + " answered 422: bad data"))));
    }

    @Test
    void perEventFormatsNeedNoBisecting() {
        SendResult result = sink(Format.FLAT, 1 << 20).send(events(4, 1));

        assertThat(result).isInstanceOfSatisfying(SendResult.Partial.class, partial -> {
            assertThat(partial.delivered()).isEqualTo(3);
            assertThat(partial.poisoned()).extracting(p -> p.event().id()).containsExactly("e1");
        });
        assertThat(receiver.requests()).hasSize(4);
    }

    @Test
    void anEventOverTheSizeLimitIsPoisonWithoutBeingSent() {
        List<Event> batch = new ArrayList<>(events(3));
        batch.add(1, new Event("big", "user.blocked", 1L, Map.of("blob", "x".repeat(500))));

        SendResult result = sink(Format.ENVELOPE, 200).send(batch);

        assertThat(result).isInstanceOfSatisfying(SendResult.Partial.class, partial -> {
            assertThat(partial.delivered()).isEqualTo(3);
            assertThat(partial.poisoned()).singleElement().satisfies(p -> {
                assertThat(p.event().id()).isEqualTo("big");
                assertThat(p.reason()).contains("over auditweave.event.max-bytes = 200");
            });
        });
        assertThat(receiver.requests()).singleElement().satisfies(request ->
                assertThat(request.body()).doesNotContain("xxxx"));
    }

    @Test
    void otherClientErrorsStayRejections() {
        receiver.respond(Reply.status(403).body("forbidden"));

        assertThat(sink(Format.ENVELOPE, 1 << 20).send(events(4))).isInstanceOf(SendResult.Rejected.class);
        assertThat(receiver.requests()).hasSize(1);
    }

    @Test
    void aRetryDuringBisectingNamesWhatWasSettled() {
        // Whole batch: 422; left half e0-e1: delivered; right half e2-e3: 503, so the dispatcher will retry the rest.
        receiver.respond(Reply.status(422), Reply.status(200), Reply.status(503));
        HttpSink sink = sink(Format.ENVELOPE, 1 << 20);
        List<Event> batch = events(4, 3);

        assertThat(sink.send(batch)).isInstanceOfSatisfying(SendResult.RetryRest.class, rest -> {
            assertThat(rest.delivered()).extracting(SinkEvent::id).containsExactly("e0", "e1");
            assertThat(rest.poisoned()).isEmpty();
            assertThat(rest.retry().reason()).contains("503");
        });
    }

    @Test
    void aSendAfterARetryStartsClean() {
        receiver.respond(Reply.status(422), Reply.status(200), Reply.status(503), Reply.status(200));
        HttpSink sink = sink(Format.ENVELOPE, 1 << 20);
        sink.send(events(4, 3));

        assertThat(sink.send(events(2))).isEqualTo(SendResult.delivered());
        assertThat(receiver.requests().get(3).json().path("events")).as("the sink kept nothing of the earlier batch")
                .extracting(e -> e.path("id").asText()).containsExactly("e0", "e1");
    }

    @Test
    void theLegacyConstructorKeepsWholeBatchRejections() {
        HttpSink legacy = new HttpSink(receiver.url(), Map.of(), Duration.ofSeconds(5), Duration.ofSeconds(2));

        assertThat(legacy.send(events(4, 1))).isInstanceOf(SendResult.Rejected.class);
        assertThat(receiver.requests()).hasSize(1);
    }

    private HttpSink sink(Format format, int maxEventBytes) {
        return new HttpSink("abuse", receiver.url(), Map.of(), Duration.ofSeconds(5), Duration.ofSeconds(2),
                HttpSink.Options.isolating(format, "auditweave", maxEventBytes));
    }

    /** {@code count} events e0..; those at {@code poisonAt} carry the marker the endpoint refuses. */
    static List<Event> events(int count, int... poisonAt) {
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            boolean poison = false;
            for (int p : poisonAt) {
                poison |= p == i;
            }
            events.add(new Event("e" + i, "user.blocked", 1L, Map.of("kilo_user_id", poison ? "poison" : "u-" + i)));
        }
        return events;
    }

    private static List<String> ids(List<JsonNode> events) {
        return events.stream().map(e -> e.path("id").asText()).toList();
    }
}
