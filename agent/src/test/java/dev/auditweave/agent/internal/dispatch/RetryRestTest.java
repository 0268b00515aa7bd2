package dev.auditweave.agent.internal.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditweave.agent.internal.event.Event;
import dev.auditweave.agent.internal.metrics.Counters;
import dev.auditweave.agent.internal.metrics.Ledger;
import dev.auditweave.agent.internal.spool.Spool;
import dev.auditweave.agent.metrics.AuditweaveMetrics;
import dev.auditweave.agent.spi.SendResult;
import dev.auditweave.agent.spi.Sink;
import dev.auditweave.agent.spi.SinkEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sink that settled part of a batch before a failure that may pass answers {@link SendResult.RetryRest}: the delivery
 * core records what was settled at once and sends only the rest again, from memory and from the spool, so the sink
 * keeps no state between sends and no event is sent or counted twice.
 */
class RetryRestTest {

    private static final SendResult.Retry UNAVAILABLE = new SendResult.Retry("503", null);

    @TempDir
    Path spoolDirectory;

    private final List<List<String>> sends = new CopyOnWriteArrayList<>();

    @Test
    void fromMemory_onlyTheRestIsSentAgain() {
        Counters counters = new Counters();
        Dispatcher dispatcher = dispatcher(scripted(
                batch -> SendResult.retryRest(List.of(batch.get(0)),
                        List.of(new SendResult.Poison(batch.get(1), "answered 422")), UNAVAILABLE),
                batch -> SendResult.delivered()), new Ledger(counters), null);

        AuditweaveMetrics metrics = offerAndFlush(dispatcher, counters);

        assertThat(sends).containsExactly(List.of("e0", "e1", "e2", "e3"), List.of("e2", "e3"));
        assertThat(metrics.delivered()).isEqualTo(3);
        assertThat(metrics.retried()).isEqualTo(1);
        assertThat(metrics.failed()).isZero();
    }

    @Test
    void fromTheSpool_eventsSettledByAnEarlierReplayAreLeftOut() {
        Counters counters = new Counters();
        Ledger ledger = new Ledger(counters);
        Spool spool = Spool.open(spoolDirectory, "abuse", 1 << 20, Duration.ofMillis(2), 64, ledger);
        Dispatcher dispatcher = dispatcher(scripted(
                batch -> SendResult.retryRest(List.of(batch.get(0)),
                        List.of(new SendResult.Poison(batch.get(1), "answered 422")), UNAVAILABLE),
                batch -> SendResult.retryRest(List.of(batch.get(0)), List.of(), UNAVAILABLE),
                batch -> SendResult.delivered()), ledger, spool);

        AuditweaveMetrics metrics = offerAndFlush(dispatcher, counters,
                () -> counters.snapshot().delivered() == 3 && !spool.hasBacklog());

        assertThat(sends).containsExactly(List.of("e0", "e1", "e2", "e3"), List.of("e2", "e3"), List.of("e3"));
        assertThat(metrics.delivered()).isEqualTo(3);
        assertThat(metrics.deadLettered()).as("e1, in the spool's dead-letter file").isEqualTo(1);
        assertThat(metrics.failed()).isZero();
        assertThat(metrics.lost()).isZero();
    }

    @Test
    void aRetryRestThatSettledEverything_endsTheBatch() {
        Counters counters = new Counters();
        Dispatcher dispatcher = dispatcher(scripted(
                batch -> SendResult.retryRest(batch, List.of(), UNAVAILABLE)), new Ledger(counters), null);

        AuditweaveMetrics metrics = offerAndFlush(dispatcher, counters);

        assertThat(sends).hasSize(1);
        assertThat(metrics.delivered()).isEqualTo(4);
        assertThat(metrics.retried()).isZero();
    }

    @SafeVarargs
    private Sink scripted(Function<List<? extends SinkEvent>, SendResult>... answers) {
        Deque<Function<List<? extends SinkEvent>, SendResult>> script = new ArrayDeque<>(List.of(answers));
        return batch -> {
            sends.add(batch.stream().map(SinkEvent::id).toList());
            return script.size() > 1 ? script.poll().apply(batch) : script.peek().apply(batch);
        };
    }

    private static Dispatcher dispatcher(Sink sink, Ledger ledger, Spool spool) {
        Dispatcher dispatcher = new Dispatcher("abuse", sink, new DeliveryPolicy(16, 4, Duration.ofHours(1), 5,
                new Backoff(Duration.ofMillis(1), Duration.ofMillis(1))), ledger, TypeFilter.ALL, spool);
        dispatcher.start();
        return dispatcher;
    }

    private static AuditweaveMetrics offerAndFlush(Dispatcher dispatcher, Counters counters) {
        return offerAndFlush(dispatcher, counters, () -> true);
    }

    /** Offers e0 to e3, flushes, and waits until {@code settled} holds (the spool's replays run after the flush). */
    private static AuditweaveMetrics offerAndFlush(Dispatcher dispatcher, Counters counters, BooleanSupplier settled) {
        try {
            for (int i = 0; i < 4; i++) {
                dispatcher.offer(new Event("e" + i, "user.blocked", 1L, Map.of()));
            }
            assertThat(dispatcher.flush(Duration.ofSeconds(10))).isTrue();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!settled.getAsBoolean()) {
                assertThat(System.nanoTime()).as("settled within 10 s").isLessThan(deadline);
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
            }
        } finally {
            dispatcher.beginShutdown(System.nanoTime() + Duration.ofSeconds(5).toNanos());
            dispatcher.awaitShutdown();
        }
        return counters.snapshot();
    }
}
