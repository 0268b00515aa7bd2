package dev.auditweave.agent.internal.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditweave.agent.internal.event.Event;
import dev.auditweave.agent.internal.metrics.Counters;
import dev.auditweave.agent.internal.metrics.Ledger;
import dev.auditweave.agent.internal.metrics.Ledger.Fate;
import dev.auditweave.agent.internal.sink.NamedSink;
import dev.auditweave.agent.internal.spool.Spool;
import dev.auditweave.agent.metrics.AuditweaveMetrics;
import dev.auditweave.agent.metrics.DropReason;
import dev.auditweave.agent.spi.SendResult;
import dev.auditweave.agent.spi.SinkEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The delivery ledger's oracle: random faults (a sink that fails, rejects, refuses some events, throws, is slow or
 * hangs; small queues; shutdown while callers still offer), seeded and reproducible. After each run, every event
 * offered has at most one terminal fate in the ledger, those without one are exactly the events left on disk, the
 * sink received every event recorded as delivered, once each (and beyond them only events still on disk, which a
 * replay settled in part before shutdown, and events of a send still running at the shutdown deadline, which the
 * ledger counts as lost: their outcome was unknown then), and the counters add up:
 * offered = delivered + failed + dead-lettered + dropped + lost + still spooled.
 *
 * <p>{@code -Doracle.seed=N} replays one seed; {@code -Doracle.runs=N} changes the number of runs (30).
 */
class DeliveryOracleTest {

    @TempDir
    Path temp;

    @Test
    void everyEventHasExactlyOneFateUnderRandomFaults() throws Exception {
        long first = Long.getLong("oracle.seed", System.nanoTime());
        int runs = Long.getLong("oracle.seed") != null ? 1 : Integer.getInteger("oracle.runs", 30);
        for (int i = 0; i < runs; i++) {
            long seed = first + i;
            run(seed, Files.createDirectory(temp.resolve("run-" + i)));
        }
    }

    private void run(long seed, Path root) throws Exception {
        Random random = new Random(seed);
        String about = "seed " + seed + " (replay with -Doracle.seed=" + seed + ")";
        boolean withSpool = random.nextBoolean();
        DeliveryPolicy policy = new DeliveryPolicy(8 + random.nextInt(256), 1 + random.nextInt(40),
                Duration.ofMillis(random.nextInt(5)), 1 + random.nextInt(4),
                new Backoff(Duration.ofMillis(1), Duration.ofMillis(1 + random.nextInt(5))));
        Fates fates = new Fates();
        Counters counters = new Counters();
        Ledger ledger = new Ledger(counters, fates);
        FaultySink sink = new FaultySink(new Random(random.nextLong()), random.nextInt(10) == 0);
        Spool spool = withSpool ? Spool.open(root, "faulty", 1 << 20, Duration.ofMillis(2), 64, ledger) : null;
        Dispatcher dispatcher = new Dispatcher(sink.name(), sink, policy, ledger, TypeFilter.ALL, spool);
        dispatcher.start();

        int producers = 1 + random.nextInt(3);
        int perProducer = 200 + random.nextInt(600);
        boolean stopWhileOffering = random.nextBoolean();
        Set<String> offered = ConcurrentHashMap.newKeySet();
        CountDownLatch done = new CountDownLatch(producers);
        AtomicInteger offeredCount = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            int producer = p;
            long pauseSeed = random.nextLong();
            Thread thread = new Thread(() -> {
                Random pauses = new Random(pauseSeed);
                for (int n = 0; n < perProducer; n++) {
                    Event event = new Event("p" + producer + "-" + n, "oracle.event", n, Map.of("n", n));
                    offered.add(event.id());
                    dispatcher.offer(event);
                    offeredCount.incrementAndGet();
                    if (pauses.nextInt(50) == 0) {
                        LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(pauses.nextInt(500)));
                    }
                }
                done.countDown();
            });
            threads.add(thread);
            thread.start();
        }
        if (stopWhileOffering) {
            while (offeredCount.get() < producers * perProducer / 2) {
                Thread.onSpinWait();
            }
        } else {
            assertThat(done.await(30, TimeUnit.SECONDS)).as(about).isTrue();
        }
        dispatcher.beginShutdown(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50 + random.nextInt(300)));
        dispatcher.awaitShutdown();
        for (Thread thread : threads) {
            thread.join();
        }
        sink.release();
        assertThat(dispatcher.awaitWorker(Duration.ofSeconds(10))).as(about).isTrue();

        Set<String> onDisk = withSpool ? readBack(about, root) : Set.of();
        check(about, offered, fates, sink, onDisk, counters.snapshot());
    }

    private static void check(String about, Set<String> offered, Fates fates, FaultySink sink, Set<String> onDisk,
                              AuditweaveMetrics metrics) {
        assertThat(fates.unseen.get()).as(about + ": fates recorded without their event").isZero();
        List<String> twice = new ArrayList<>();
        List<String> unaccounted = new ArrayList<>();
        Set<String> delivered = new HashSet<>();
        for (String id : offered) {
            List<Fate> history = fates.of(id);
            long terminal = history.stream().filter(Fate::terminal).count();
            if (terminal > 1) {
                twice.add(id + " " + history);
            } else if (terminal == 0 && !onDisk.contains(id)) {
                unaccounted.add(id + " " + history);
            } else if (terminal == 1 && onDisk.contains(id)) {
                twice.add(id + " " + history + " and still on disk");
            }
            if (history.contains(Fate.DELIVERED)) {
                delivered.add(id);
            }
            if (history.stream().filter(f -> f == Fate.SPOOLED).count() > 1) {
                twice.add(id + " spooled twice " + history);
            }
        }
        assertThat(fates.ids()).as(about + ": fates of events never offered").isSubsetOf(offered);
        assertThat(twice).as(about + ": events with two fates").isEmpty();
        assertThat(unaccounted).as(about + ": events with no fate, not on disk").isEmpty();
        List<String> received = sink.received();
        assertThat(received).as(about + ": the sink received each event once").doesNotHaveDuplicates();
        assertThat(received).as(about + ": the sink received every event counted as delivered")
                .containsAll(delivered);
        List<String> receivedNotDelivered = received.stream()
                .filter(id -> !delivered.contains(id) && !onDisk.contains(id))
                .map(id -> id + " " + fates.of(id)).toList();
        assertThat(receivedNotDelivered).as(about + ": an event the sink received but not counted as delivered is"
                        + " still on disk (settled by a replay whose batch was not acknowledged before shutdown: sent"
                        + " again after a restart) or was in a send still running at the shutdown deadline (counted"
                        + " as lost, since its outcome was unknown then)")
                .allSatisfy(history -> assertThat(history).endsWith(", LOST]"));

        long dropped = metrics.droppedByReason().values().stream().mapToLong(Long::longValue).sum();
        assertThat(metrics.delivered()).as(about).isEqualTo(delivered.size());
        assertThat(metrics.delivered() + metrics.failed() + metrics.deadLettered() + dropped + metrics.lost()
                + onDisk.size()).as(about + ": offered = delivered + failed + dead-lettered + dropped + lost + on disk "
                        + metrics).isEqualTo(offered.size());
    }

    /** What a fresh spool on the same directory would replay: the events still on disk. */
    private static Set<String> readBack(String about, Path root) throws IOException {
        Spool reopened = Spool.open(root, "faulty", 1 << 20, Duration.ofMillis(2), 64, new Ledger(new Counters()));
        assertThat(reopened).as(about + ": the spool's lock was released").isNotNull();
        Set<String> ids = new HashSet<>();
        try {
            List<Event> batch;
            while (!(batch = reopened.read(500)).isEmpty()) {
                batch.forEach(event -> ids.add(event.id()));
                reopened.ack();
            }
        } finally {
            reopened.close();
        }
        return ids;
    }

    /** The ledger's observer: each event's fates in order. */
    private static final class Fates implements Ledger.Observer {
        private final Map<String, List<Fate>> byId = new ConcurrentHashMap<>();
        private final AtomicInteger unseen = new AtomicInteger();

        @Override
        public void record(Fate fate, DropReason reason, Event event, boolean replay) {
            if (event == null) {
                unseen.incrementAndGet();
                return;
            }
            byId.computeIfAbsent(event.id(), id -> Collections.synchronizedList(new ArrayList<>())).add(fate);
        }

        List<Fate> of(String id) {
            List<Fate> history = byId.get(id);
            if (history == null) {
                return List.of();
            }
            synchronized (history) {
                return List.copyOf(history);
            }
        }

        Set<String> ids() {
            return byId.keySet();
        }
    }

    /**
     * Answers each send at random: delivered, a retryable failure, a rejection, some events refused for good, a
     * throw, a slow answer, or (when {@code hangs}) a send that waits until interrupted or released.
     */
    private static final class FaultySink implements NamedSink {
        private final Random random;
        private final boolean hangs;
        private final CountDownLatch released = new CountDownLatch(1);
        private final List<String> received = Collections.synchronizedList(new ArrayList<>());

        FaultySink(Random random, boolean hangs) {
            this.random = random;
            this.hangs = hangs;
        }

        @Override
        public String name() {
            return "faulty";
        }

        @Override
        public SendResult send(List<? extends SinkEvent> batch) {
            int roll;
            synchronized (random) {
                roll = random.nextInt(100);
            }
            if (roll < 45) {
                return delivered(batch);
            }
            if (roll < 65) {
                return new SendResult.Retry("503", null);
            }
            if (roll < 70) {
                return new SendResult.Rejected("400");
            }
            if (roll < 75) {
                // Part settled, then a failure that may pass: the first half delivered, its first event poison.
                int half = batch.size() / 2;
                List<SinkEvent> good = new ArrayList<>(batch.subList(Math.min(1, half), half));
                List<SendResult.Poison> poisoned = half == 0 ? List.of()
                        : List.of(new SendResult.Poison(batch.get(0), "422"));
                good.forEach(event -> received.add(event.id()));
                return SendResult.retryRest(good, poisoned, new SendResult.Retry("503 after half", null));
            }
            if (roll < 80) {
                List<SendResult.Poison> poisoned = new ArrayList<>();
                List<SinkEvent> good = new ArrayList<>();
                for (int i = 0; i < batch.size(); i++) {
                    if (i % 3 == 0) {
                        poisoned.add(new SendResult.Poison(batch.get(i), "422"));
                    } else {
                        good.add(batch.get(i));
                    }
                }
                good.forEach(event -> received.add(event.id()));
                return new SendResult.Partial(good.size(), poisoned);
            }
            if (roll < 85) {
                throw new IllegalStateException("the sink broke");
            }
            if (roll < 95 || !hangs) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(roll % 4));
                return delivered(batch);
            }
            try {
                released.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new SendResult.Retry("hung", null);
        }

        private SendResult delivered(List<? extends SinkEvent> batch) {
            batch.forEach(event -> received.add(event.id()));
            return SendResult.delivered();
        }

        void release() {
            released.countDown();
        }

        List<String> received() {
            synchronized (received) {
                return List.copyOf(received);
            }
        }
    }
}
