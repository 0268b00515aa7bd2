package dev.auditweave.agent.internal.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.auditweave.agent.internal.event.Event;
import dev.auditweave.agent.internal.metrics.Counters;
import dev.auditweave.agent.internal.metrics.Ledger;
import dev.auditweave.agent.internal.sink.HttpSink;
import dev.auditweave.agent.internal.sink.NamedSink;
import dev.auditweave.agent.internal.spool.Spool;
import dev.auditweave.agent.metrics.AuditweaveMetrics;
import dev.auditweave.agent.metrics.DropReason;
import dev.auditweave.agent.spi.SendResult;
import dev.auditweave.agent.spi.SinkEvent;
import dev.auditweave.testing.LoopbackReceiver;
import dev.auditweave.testing.LoopbackReceiver.Reply;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dispatcher with a spool: spill on failure and on a full queue, replay in order, dead letters, shutdown. */
class DispatcherSpoolTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path root;

    private final Counters counters = new Counters();
    private final Ledger ledger = new Ledger(counters);
    private final List<Dispatcher> started = new ArrayList<>();
    private LoopbackReceiver receiver;

    @AfterEach
    void stop() {
        started.forEach(d -> {
            d.beginShutdown(System.nanoTime() + TimeUnit.SECONDS.toNanos(2));
            d.awaitShutdown();
        });
        if (receiver != null) {
            receiver.close();
        }
    }

    @Test
    void whileTheEndpointFailsEventsGoToDiskAndComeBackInOrderOnceItRecovers() throws Exception {
        receiver = LoopbackReceiver.start();
        boolean[] down = {true};
        receiver.answer(request -> down[0] ? Reply.status(503) : Reply.status(200));
        Dispatcher dispatcher = start(new HttpSink(receiver.url(), Map.of(), Duration.ofSeconds(5),
                Duration.ofSeconds(1)), 1024, spool(1024));

        for (int i = 0; i < 50; i++) {
            assertThat(dispatcher.offer(event(i))).isTrue();
        }
        awaitCondition(() -> counters.snapshot().spooled() >= 50);
        assertThat(receiver.events()).isEmpty();

        down[0] = false;
        assertThat(receiver.awaitEvents(50, WAIT)).isTrue();
        assertThat(ids(receiver.events())).containsExactlyElementsOf(names(0, 50));
        awaitCondition(() -> counters.snapshot().replayed() == 50);
        assertThat(counters.snapshot().delivered()).isEqualTo(50);
        assertThat(dispatcher.spool().hasBacklog()).isFalse();
    }

    @Test
    void aFullQueueSpillsThroughTheOverflowRingAndNothingIsDropped() {
        BlockingSink sink = new BlockingSink();
        Dispatcher dispatcher = start(sink, 4, spool(1024));

        List<Dispatcher.Offer> offers = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            offers.add(dispatcher.offerOrSpill(event(i)));
        }
        assertThat(offers).contains(Dispatcher.Offer.SPILLED).doesNotContain(Dispatcher.Offer.FULL);

        sink.release.countDown();
        awaitCondition(() -> sink.ids().size() >= 200 && !dispatcher.spool().hasBacklog());
        assertThat(sink.ids()).containsExactlyInAnyOrderElementsOf(names(0, 200));
        assertThat(counters.snapshot().droppedByReason().get(DropReason.QUEUE_FULL)).isZero();
    }

    @Test
    void whileASendHangsNewEventsGoToDiskNotToTheQueue() {
        BlockingSink sink = new BlockingSink();
        Dispatcher dispatcher = start(sink, 1024, spool(1024));
        for (int i = 0; i < 10; i++) {
            assertThat(dispatcher.offerOrSpill(event(i))).isEqualTo(Dispatcher.Offer.ENQUEUED);
        }
        awaitCondition(() -> sink.sending);

        int[] next = {10};
        awaitCondition(() -> dispatcher.offerOrSpill(event(next[0]++)) == Dispatcher.Offer.SPILLED);
        awaitCondition(() -> counters.snapshot().spooled() >= 1);

        sink.release.countDown();
        awaitCondition(() -> sink.ids().size() >= next[0] && !dispatcher.spool().hasBacklog());
        assertThat(sink.ids()).containsExactlyInAnyOrderElementsOf(names(0, next[0]));
    }

    @Test
    void aFullQueueWithAFullOverflowRingDropsAndCounts() {
        BlockingSink sink = new BlockingSink();
        Dispatcher dispatcher = start(sink, 4, spool(2));

        int full = 0;
        for (int i = 0; i < 200; i++) {
            if (dispatcher.offerOrSpill(event(i)) == Dispatcher.Offer.FULL) {
                full++;
            }
        }
        assertThat(full).isPositive();
        sink.release.countDown();
    }

    @Test
    void poisonOfAPartialResultIsDeadLetteredAndTheRestCountsAsDelivered() throws IOException {
        NamedSink partial = new NamedSink() {
            @Override
            public String name() {
                return "partial";
            }

            @Override
            public SendResult send(List<? extends SinkEvent> batch) {
                List<SendResult.Poison> poisoned = batch.stream().filter(e -> e.id().equals("e7"))
                        .map(e -> new SendResult.Poison(e, "422 n too large")).toList();
                return new SendResult.Partial(batch.size() - poisoned.size(), poisoned);
            }
        };
        Dispatcher dispatcher = start(partial, 1024, Spool.open(root, "partial", 1 << 20, Duration.ofMillis(5), 64,
                ledger));
        for (int i = 0; i < 10; i++) {
            dispatcher.offer(event(i));
        }
        assertThat(dispatcher.flush(WAIT)).isTrue();

        AuditweaveMetrics metrics = counters.snapshot();
        assertThat(metrics.delivered()).isEqualTo(9);
        assertThat(metrics.deadLettered()).isEqualTo(1);
        List<String> lines = Files.readAllLines(root.resolve("partial").resolve("dead-letter.jsonl"));
        assertThat(lines).hasSize(1);
        JsonNode line = new ObjectMapper().readTree(lines.get(0));
        assertThat(line.path("event").path("id").asText()).isEqualTo("e7");
        assertThat(line.path("reason").asText()).isEqualTo("422 n too large");
    }

    @Test
    void withoutASpoolPoisonIsCountedAsDroppedWithItsReason() {
        NamedSink partial = new NamedSink() {
            @Override
            public String name() {
                return "partial";
            }

            @Override
            public SendResult send(List<? extends SinkEvent> batch) {
                return new SendResult.Partial(batch.size() - 1, List.of(new SendResult.Poison(batch.get(0), "400")));
            }
        };
        Dispatcher dispatcher = start(partial, 1024, null);
        for (int i = 0; i < 5; i++) {
            dispatcher.offer(event(i));
        }
        assertThat(dispatcher.flush(WAIT)).isTrue();
        assertThat(counters.snapshot().delivered()).isEqualTo(4);
        assertThat(counters.snapshot().droppedByReason().get(DropReason.POISON_NO_SPOOL)).isEqualTo(1);
    }

    @Test
    void atTheShutdownDeadlineWhatIsLeftIsSpooledNotLostEvenFromAStuckSend() {
        BlockingSink sink = new BlockingSink();
        Dispatcher dispatcher = new Dispatcher(sink.name(), sink, policy(1024), ledger, TypeFilter.ALL, spool(1024));
        dispatcher.start();
        for (int i = 0; i < 30; i++) {
            dispatcher.offer(event(i));
        }
        awaitCondition(() -> sink.sending);

        dispatcher.beginShutdown(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1500));
        int lost = dispatcher.awaitShutdown();

        assertThat(lost).isZero();
        assertThat(counters.snapshot().spooled()).isEqualTo(30);
        Spool reopened = Spool.open(root, "blocking", 1 << 20, Duration.ofMillis(5), 16, new Ledger(new Counters()));
        try {
            List<String> back = new ArrayList<>();
            List<Event> batch;
            while (!(batch = reopened.read(100)).isEmpty()) {
                batch.forEach(e -> back.add(e.id()));
                reopened.ack();
            }
            assertThat(back).containsExactlyInAnyOrderElementsOf(names(0, 30));
        } finally {
            reopened.close();
        }
    }

    // ------------------------------------------------------------------------------------------------

    private Spool spool(int overflowCapacity) {
        return Spool.open(root, "blocking", 1 << 20, Duration.ofMillis(5), overflowCapacity, ledger);
    }

    private Dispatcher start(NamedSink sink, int queueCapacity, Spool spool) {
        Dispatcher dispatcher = new Dispatcher(sink.name(), sink, policy(queueCapacity), ledger, TypeFilter.ALL, spool);
        dispatcher.start();
        started.add(dispatcher);
        return dispatcher;
    }

    private static DeliveryPolicy policy(int queueCapacity) {
        return new DeliveryPolicy(queueCapacity, 10, Duration.ofMillis(5), 3,
                new Backoff(Duration.ofMillis(10), Duration.ofMillis(40)));
    }

    private static Event event(int n) {
        return new Event("e" + n, "user.blocked", 1L, Map.of("n", (long) n));
    }

    private static List<String> names(int from, int to) {
        List<String> names = new ArrayList<>();
        for (int i = from; i < to; i++) {
            names.add("e" + i);
        }
        return names;
    }

    private static List<String> ids(List<JsonNode> events) {
        return events.stream().map(e -> e.path("id").asText()).toList();
    }

    private static void awaitCondition(BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within " + WAIT).isLessThan(deadline);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }

    /** A sink whose sends wait until released (or interrupted: then a retryable failure). */
    private static final class BlockingSink implements NamedSink {
        final CountDownLatch release = new CountDownLatch(1);
        final List<String> received = Collections.synchronizedList(new ArrayList<>());
        volatile boolean sending;

        @Override
        public String name() {
            return "blocking";
        }

        @Override
        public SendResult send(List<? extends SinkEvent> batch) {
            sending = true;
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new SendResult.Retry("interrupted", null);
            }
            batch.forEach(e -> received.add(e.id()));
            return SendResult.delivered();
        }

        List<String> ids() {
            synchronized (received) {
                return List.copyOf(received);
            }
        }
    }
}
