package dev.auditweave.agent.internal.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditweave.agent.internal.event.Event;
import dev.auditweave.agent.internal.metrics.Counters;
import dev.auditweave.agent.internal.metrics.Ledger;
import dev.auditweave.agent.internal.sink.NamedSink;
import dev.auditweave.agent.internal.spool.Spool;
import dev.auditweave.agent.metrics.AuditweaveMetrics;
import dev.auditweave.agent.spi.SendResult;
import dev.auditweave.agent.spi.SinkEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Backoff, Retry-After and deadlines on an injected clock: what the worker waits is recorded, never slept. */
class RetryTimingTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    @TempDir
    Path root;

    private final FakeClock clock = new FakeClock();
    private final Counters counters = new Counters();
    private final Ledger ledger = new Ledger(counters);
    private final List<Dispatcher> started = new ArrayList<>();

    @AfterEach
    void stop() {
        started.forEach(d -> d.beginShutdown(clock.nanoTime()));
    }

    // ---- in memory

    @Test
    void retryAfter_isWaitedExactlyInsteadOfTheBackoff() {
        ScriptedSink sink = new ScriptedSink(new SendResult.Retry("429", Duration.ofSeconds(7)), SendResult.delivered());
        Dispatcher dispatcher = start(sink, 5);
        dispatcher.offer(event(1));

        assertThat(dispatcher.flush(WAIT)).isTrue();

        assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(7).toNanos());
        assertThat(counters.snapshot().delivered()).isEqualTo(1);
        assertThat(counters.snapshot().retried()).isEqualTo(1);
    }

    @Test
    void backoff_doublesPerAttemptWithJitterBetweenHalfAndAll() {
        ScriptedSink sink = new ScriptedSink(retry(), retry(), retry(), SendResult.delivered());
        Dispatcher dispatcher = start(sink, 5);
        dispatcher.offer(event(1));

        assertThat(dispatcher.flush(WAIT)).isTrue();

        List<Long> sleeps = clock.sleeps();
        assertThat(sleeps).hasSize(3);
        assertThat(sleeps.get(0)).isBetween(50 * MS, 100 * MS);
        assertThat(sleeps.get(1)).isBetween(100 * MS, 200 * MS);
        assertThat(sleeps.get(2)).isBetween(200 * MS, 400 * MS);
        assertThat(sink.sends()).isEqualTo(4);
    }

    @Test
    void maxAttempts_reachedCountsTheBatchAsFailedWithoutAFurtherWait() {
        ScriptedSink sink = new ScriptedSink(retry(), retry(), retry());
        Dispatcher dispatcher = start(sink, 3);
        dispatcher.offer(event(1));
        dispatcher.offer(event(2));

        assertThat(dispatcher.flush(WAIT)).isTrue();

        assertThat(clock.sleeps()).hasSize(2);
        AuditweaveMetrics metrics = counters.snapshot();
        assertThat(metrics.failed()).isEqualTo(2);
        assertThat(metrics.retried()).isEqualTo(2);
        assertThat(metrics.delivered()).isZero();
    }

    @Test
    void shutdownDeadline_sooner_thanTheRetryAfterGivesUpAtOnce() {
        ScriptedSink sink = new ScriptedSink(new SendResult.Retry("503", Duration.ofSeconds(10)), SendResult.delivered());
        Dispatcher dispatcher = start(sink, 5);
        dispatcher.offer(event(1));

        dispatcher.beginShutdown(clock.nanoTime() + Duration.ofSeconds(5).toNanos());
        int lost = dispatcher.awaitShutdown();

        assertThat(lost).isZero();
        assertThat(clock.sleeps()).as("a 10 s wait cannot end before the 5 s deadline: not begun").isEmpty();
        assertThat(sink.sends()).isEqualTo(1);
        assertThat(counters.snapshot().failed()).isEqualTo(1);
    }

    @Test
    void shutdownDeadline_laterThanTheBackoffLetsTheRetryHappen() {
        ScriptedSink sink = new ScriptedSink(new SendResult.Retry("503", Duration.ofSeconds(2)), SendResult.delivered());
        Dispatcher dispatcher = start(sink, 5);
        dispatcher.offer(event(1));

        dispatcher.beginShutdown(clock.nanoTime() + Duration.ofSeconds(5).toNanos());

        assertThat(dispatcher.awaitShutdown()).isZero();
        assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(2).toNanos());
        assertThat(counters.snapshot().delivered()).isEqualTo(1);
    }

    // ---- from the spool

    @Test
    void spooledBatch_isNotReplayedBeforeItsRetryAfter() {
        Spool spool = Spool.open(root, "scripted", 1 << 20, Duration.ofMillis(1), 64, ledger);
        try {
            ScriptedSink sink = new ScriptedSink(SendResult.delivered());
            BatchSender sender = new BatchSender(sink.name(), sink, policy(5), ledger, spool, clock, clock);
            SpoolMode mode = new SpoolMode(spool, "scripted", policy(5), clock);
            mode.takeFailed(List.of(event(1), event(2)), new SendResult.Retry("429", Duration.ofSeconds(30)));
            awaitSpooled(2);

            assertThat(mode.replayOnce(sender)).as("at once").isFalse();
            clock.advance(Duration.ofSeconds(30).toNanos() - 1);
            assertThat(mode.replayOnce(sender)).as("1 ns before").isFalse();
            clock.advance(1);
            assertThat(mode.replayOnce(sender)).as("30 s later").isTrue();

            assertThat(sink.sends()).isEqualTo(1);
            assertThat(counters.snapshot().replayed()).isEqualTo(2);
            assertThat(counters.snapshot().delivered()).isEqualTo(2);
        } finally {
            spool.close();
        }
    }

    @Test
    void failingReplay_backsOffFurtherEachTime() {
        Spool spool = Spool.open(root, "scripted", 1 << 20, Duration.ofMillis(1), 64, ledger);
        try {
            ScriptedSink sink = new ScriptedSink(retry(), retry(), SendResult.delivered());
            BatchSender sender = new BatchSender(sink.name(), sink, policy(5), ledger, spool, clock, clock);
            SpoolMode mode = new SpoolMode(spool, "scripted", policy(5), clock);
            mode.takeFailed(List.of(event(1)), retry());
            awaitSpooled(1);
            List<Long> waits = new ArrayList<>();
            while (sink.sends() < 3) {
                long wait = mode.untilNextReplay();
                waits.add(wait);
                clock.advance(Math.max(0, wait));
                assertThat(mode.replayOnce(sender)).isTrue();
            }

            assertThat(waits.get(0)).isBetween(50 * MS, 100 * MS);
            assertThat(waits.get(1)).isBetween(100 * MS, 200 * MS);
            assertThat(waits.get(2)).isBetween(200 * MS, 400 * MS);
            assertThat(mode.failing()).isFalse();
            assertThat(counters.snapshot().retried()).isEqualTo(2);
        } finally {
            spool.close();
        }
    }

    // ------------------------------------------------------------------------------------------------

    private Dispatcher start(NamedSink sink, int maxAttempts) {
        Dispatcher dispatcher = new Dispatcher(sink.name(), sink, policy(maxAttempts), ledger, TypeFilter.ALL, null, clock, clock);
        dispatcher.start();
        started.add(dispatcher);
        return dispatcher;
    }

    private static DeliveryPolicy policy(int maxAttempts) {
        return new DeliveryPolicy(64, 10, Duration.ofHours(1), maxAttempts,
                new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1)));
    }

    private static SendResult.Retry retry() {
        return new SendResult.Retry("503", null);
    }

    private void awaitSpooled(long events) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (counters.snapshot().spooled() < events) {
            assertThat(System.nanoTime()).as("spooled within " + WAIT).isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    private static Event event(int n) {
        return new Event("e" + n, "user.blocked", 1L, Map.of("n", n));
    }

    /** Answers each send with the next scripted result; the last one repeats. */
    private static final class ScriptedSink implements NamedSink {
        private final Deque<SendResult> script;
        private int sends;

        ScriptedSink(SendResult... results) {
            this.script = new ArrayDeque<>(List.of(results));
        }

        @Override
        public String name() {
            return "scripted";
        }

        @Override
        public synchronized SendResult send(List<? extends SinkEvent> batch) {
            sends++;
            return script.size() > 1 ? script.poll() : script.peek();
        }

        synchronized int sends() {
            return sends;
        }
    }
}
