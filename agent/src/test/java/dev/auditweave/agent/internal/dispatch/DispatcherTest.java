package dev.auditweave.agent.internal.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.auditweave.agent.internal.event.Event;
import dev.auditweave.agent.internal.metrics.Counters;
import dev.auditweave.agent.internal.metrics.Ledger;
import dev.auditweave.agent.internal.sink.HttpSink;
import dev.auditweave.agent.internal.sink.NamedSink;
import dev.auditweave.agent.metrics.AuditweaveMetrics;
import dev.auditweave.agent.metrics.DropReason;
import dev.auditweave.agent.spi.SendResult;
import dev.auditweave.agent.spi.SinkEvent;
import dev.auditweave.testing.LoopbackReceiver;
import dev.auditweave.testing.LoopbackReceiver.Reply;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DispatcherTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Duration HOUR = Duration.ofHours(1);

    private final Counters counters = new Counters();
    private final List<Dispatcher> started = new ArrayList<>();
    private LoopbackReceiver receiver;

    @BeforeEach
    void start() throws IOException {
        receiver = LoopbackReceiver.start();
    }

    @AfterEach
    void stop() {
        started.forEach(d -> d.beginShutdown(System.nanoTime()));
        receiver.close();
    }

    @Test
    void sendsAFullBatchWithoutWaitingForTheDelay() throws InterruptedException {
        Dispatcher dispatcher = dispatcher(policy(3, HOUR, 1));

        for (int i = 0; i < 6; i++) {
            assertThat(dispatcher.offer(event(i))).isTrue();
        }

        assertThat(receiver.awaitEvents(6, WAIT)).isTrue();
        assertThat(receiver.requests()).hasSize(2).allSatisfy(request ->
                assertThat(request.json().path("events").size()).isEqualTo(3));
        assertThat(ids(receiver.events())).containsExactly("e0", "e1", "e2", "e3", "e4", "e5");
    }

    @Test
    void sendsAPartialBatchOnceItsOldestEventHasWaitedTheDelay() throws InterruptedException {
        Dispatcher dispatcher = dispatcher(policy(500, Duration.ofMillis(100), 1));

        dispatcher.offer(event(1));

        assertThat(receiver.awaitEvents(1, WAIT)).as("sent without a flush or a full batch").isTrue();
        assertThat(dispatcher.flush(WAIT)).isTrue();
        assertThat(counters.snapshot().delivered()).isEqualTo(1);
    }

    @Test
    void flushSendsAPartialBatchAtOnceAndWaitsForIt() {
        Dispatcher dispatcher = dispatcher(policy(500, HOUR, 1));
        dispatcher.offer(event(1));
        dispatcher.offer(event(2));

        assertThat(dispatcher.flush(WAIT)).isTrue();

        assertThat(receiver.requests()).hasSize(1);
        assertThat(ids(receiver.events())).containsExactly("e1", "e2");
    }

    @Test
    void retriesServerErrorsWithBackoffUntilDelivered() {
        receiver.respond(Reply.status(503), Reply.status(502));
        Dispatcher dispatcher = dispatcher(policy(10, HOUR, 5));
        dispatcher.offer(event(1));

        assertThat(dispatcher.flush(WAIT)).isTrue();

        assertThat(receiver.requests()).hasSize(3).allSatisfy(request ->
                assertThat(request.json().path("events").get(0).path("id").asText()).isEqualTo("e1"));
        AuditweaveMetrics metrics = counters.snapshot();
        assertThat(metrics.retried()).isEqualTo(2);
        assertThat(metrics.delivered()).isEqualTo(1);
        assertThat(metrics.failed()).isZero();
    }

    @Test
    void honoursTheRetryAfterHeaderOfTooManyRequests() {
        receiver.respond(Reply.status(429).header("Retry-After", "3"));
        FakeClock clock = new FakeClock();
        Dispatcher dispatcher = new Dispatcher("http", new HttpSink(receiver.url(), Map.of(), Duration.ofSeconds(30),
                Duration.ofSeconds(2)), policy(10, HOUR, 5), new Ledger(counters), TypeFilter.ALL, null, clock, clock);
        dispatcher.start();
        started.add(dispatcher);
        dispatcher.offer(event(1));

        assertThat(dispatcher.flush(WAIT)).isTrue();

        assertThat(receiver.requests()).hasSize(2);
        // The configured backoff is at most 20 ms; only the server's Retry-After can explain a wait of 3 s.
        assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(3).toNanos());
        assertThat(counters.snapshot().delivered()).isEqualTo(1);
    }

    @Test
    void doesNotRetryOtherClientErrorsAndCountsTheBatchAsFailed() {
        receiver.respond(Reply.status(400).body("bad event"));
        Dispatcher dispatcher = dispatcher(policy(10, HOUR, 5));
        dispatcher.offer(event(1));
        dispatcher.offer(event(2));

        assertThat(dispatcher.flush(WAIT)).isTrue();

        assertThat(receiver.requests()).hasSize(1);
        AuditweaveMetrics metrics = counters.snapshot();
        assertThat(metrics.failed()).isEqualTo(2);
        assertThat(metrics.delivered()).isZero();
        assertThat(metrics.retried()).isZero();
    }

    @Test
    void givesUpAfterTheLastAttemptAndCountsTheBatchAsFailed() {
        receiver.respond(Reply.status(500), Reply.status(500), Reply.status(500));
        Dispatcher dispatcher = dispatcher(policy(10, HOUR, 3));
        dispatcher.offer(event(1));

        assertThat(dispatcher.flush(WAIT)).isTrue();

        assertThat(receiver.requests()).hasSize(3);
        assertThat(counters.snapshot().failed()).isEqualTo(1);
        assertThat(counters.snapshot().retried()).isEqualTo(2);
    }

    @Test
    void aFullQueueRefusesInsteadOfBlocking() throws InterruptedException {
        receiver.hold();
        Dispatcher dispatcher = dispatcher(new DeliveryPolicy(4, 1, Duration.ZERO, 1,
                new Backoff(Duration.ofMillis(10), Duration.ofMillis(10))));
        dispatcher.offer(event(0));
        assertThat(receiver.awaitRequests(1, WAIT)).as("worker is stuck sending e0").isTrue();

        int accepted = 0;
        for (int i = 1; i <= 10; i++) {
            accepted += dispatcher.offer(event(i)) ? 1 : 0;
        }

        assertThat(accepted).isEqualTo(4);
    }

    @Test
    void shutdownReturnsAtTheDeadlineAndReportsWhatIsLeft() throws InterruptedException {
        receiver.hold();
        Dispatcher dispatcher = dispatcher(new DeliveryPolicy(8, 1, Duration.ZERO, 1,
                new Backoff(Duration.ofMillis(10), Duration.ofMillis(10))));
        dispatcher.offer(event(0));
        assertThat(receiver.awaitRequests(1, WAIT)).isTrue();
        dispatcher.offer(event(1));
        dispatcher.offer(event(2));

        dispatcher.beginShutdown(System.nanoTime() + Duration.ofMillis(200).toNanos());
        int lost = dispatcher.awaitShutdown();

        assertThat(lost).as("e0 in flight, e1 and e2 queued").isEqualTo(3);
        assertThat(dispatcher.offer(event(3))).as("no offers after shutdown began").isFalse();

        receiver.close();
        assertThat(dispatcher.awaitWorker(WAIT)).as("the worker ends once its send fails").isTrue();
        AuditweaveMetrics metrics = counters.snapshot();
        assertThat(metrics.failed() + metrics.delivered())
                .as("counted as lost by shutdown, so the worker's late outcome is not counted again").isZero();
    }

    @Test
    void anEventThatReachesTheQueueAfterTheWorkerEndedIsDroppedForShutdownNotLeftWithoutAFate()
            throws InterruptedException {
        List<String> fates = Collections.synchronizedList(new ArrayList<>());
        Ledger ledger = new Ledger(counters, (fate, reason, event, replay) ->
                fates.add(event.id() + " " + fate + (reason == null ? "" : " " + reason)));
        Dispatcher dispatcher = new Dispatcher("http", new HttpSink(receiver.url(), Map.of(),
                Duration.ofSeconds(30), Duration.ofSeconds(2)), policy(8, HOUR, 1), ledger, TypeFilter.ALL, null);
        dispatcher.start();
        dispatcher.beginShutdown(System.nanoTime() + WAIT.toNanos());
        assertThat(dispatcher.awaitShutdown()).isZero();
        assertThat(dispatcher.awaitWorker(WAIT)).isTrue();

        // A caller that passed the shutdown check just before shutdown began, and reaches the queue only now.
        dispatcher.admit(event(1));

        assertThat(fates).containsExactly("e1 ENQUEUED", "e1 DROPPED SHUTDOWN");
        assertThat(counters.snapshot().droppedByReason()).containsEntry(DropReason.SHUTDOWN, 1L);
    }

    @Test
    void shutdownDrainsWhatTheEndpointCanTake() {
        Dispatcher dispatcher = dispatcher(policy(2, HOUR, 1));
        for (int i = 0; i < 5; i++) {
            dispatcher.offer(event(i));
        }

        dispatcher.beginShutdown(System.nanoTime() + WAIT.toNanos());

        assertThat(dispatcher.awaitShutdown()).isZero();
        assertThat(ids(receiver.events())).containsExactly("e0", "e1", "e2", "e3", "e4");
    }

    @Test
    void aSinkThatThrowsCountsTheBatchAsFailedAndTheWorkerCarriesOn() {
        List<List<SinkEvent>> seen = new ArrayList<>();
        NamedSink unserialisable = new NamedSink() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public SendResult send(List<? extends SinkEvent> batch) {
                seen.add(List.copyOf(batch));
                if (seen.size() == 1) {
                    throw new UncheckedIOException(new IOException("cannot serialise"));
                }
                return SendResult.delivered();
            }
        };
        Dispatcher dispatcher = new Dispatcher(unserialisable.name(), unserialisable, policy(1, HOUR, 5), counters);
        dispatcher.start();
        started.add(dispatcher);
        dispatcher.offer(event(1));
        dispatcher.offer(event(2));

        assertThat(dispatcher.flush(WAIT)).isTrue();

        assertThat(seen).hasSize(2).as("a throwing sink is not retried").extracting(batch -> batch.get(0).id())
                .containsExactly("e1", "e2");
        assertThat(counters.snapshot().failed()).isEqualTo(1);
        assertThat(counters.snapshot().delivered()).isEqualTo(1);
    }

    private Dispatcher dispatcher(DeliveryPolicy policy) {
        Dispatcher dispatcher = new Dispatcher("http", new HttpSink(receiver.url(), Map.of(), Duration.ofSeconds(30),
                Duration.ofSeconds(2)), policy, counters);
        dispatcher.start();
        started.add(dispatcher);
        return dispatcher;
    }

    private static DeliveryPolicy policy(int maxEvents, Duration maxDelay, int maxAttempts) {
        return new DeliveryPolicy(1024, maxEvents, maxDelay, maxAttempts,
                new Backoff(Duration.ofMillis(10), Duration.ofMillis(20)));
    }

    private static Event event(int n) {
        return new Event("e" + n, "user.blocked", 1L, Map.of("n", n));
    }

    private static List<String> ids(List<JsonNode> events) {
        return events.stream().map(e -> e.path("id").asText()).toList();
    }
}
