package dev.auditweave.agent.internal.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditweave.agent.internal.event.Event;
import dev.auditweave.agent.internal.metrics.Counters;
import dev.auditweave.agent.internal.metrics.Ledger;
import dev.auditweave.agent.internal.sink.NamedSink;
import dev.auditweave.agent.metrics.AuditweaveMetrics;
import dev.auditweave.agent.metrics.DropReason;
import dev.auditweave.agent.spi.SendResult;
import dev.auditweave.agent.spi.Sink;
import dev.auditweave.agent.spi.SinkEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the dispatcher does with SendResult.Partial on this branch: count; the dead-letter file is the spool's. */
class PartialResultTest {

    @Test
    void aPartialCountsDeliveredAndWithoutASpoolDropsThePoisonWithItsReasonAndIsNotRetried() {
        List<Integer> sends = new ArrayList<>();
        NamedSink sink = new NamedSink() {
            @Override
            public String name() {
                return "abuse";
            }

            @Override
            public SendResult send(List<? extends SinkEvent> batch) {
                sends.add(batch.size());
                return new SendResult.Partial(batch.size() - 1,
                        List.of(new SendResult.Poison(batch.get(0), "answered 400")));
            }
        };
        Counters counters = new Counters();
        Dispatcher dispatcher = new Dispatcher(sink.name(), sink, new DeliveryPolicy(16, 4, Duration.ofHours(1), 5,
                new Backoff(Duration.ofMillis(1), Duration.ofMillis(1))), new Ledger(counters), TypeFilter.ALL, null);
        dispatcher.start();
        try {
            for (int i = 0; i < 4; i++) {
                dispatcher.offer(new Event("e" + i, "user.blocked", 1L, Map.of()));
            }

            assertThat(dispatcher.flush(Duration.ofSeconds(10))).isTrue();
        } finally {
            dispatcher.beginShutdown(System.nanoTime());
        }

        assertThat(sends).containsExactly(4);
        AuditweaveMetrics metrics = counters.snapshot();
        assertThat(metrics.delivered()).isEqualTo(3);
        assertThat(metrics.deadLettered()).as("no spool directory, so no dead-letter file").isZero();
        assertThat(metrics.droppedByReason()).containsEntry(DropReason.POISON_NO_SPOOL, 1L);
        assertThat(metrics.failed()).isZero();
        assertThat(metrics.retried()).isZero();
    }

    @Test
    void poisonThatIsNotAnEventOfTheBatch_isIgnored_soEveryEventIsCountedOnce() {
        Sink sink = batch -> SendResult.partial(batch.size(), List.of(
                new SendResult.Poison(new Event("stranger", "user.blocked", 1L, Map.of()), "made up"),
                new SendResult.Poison(batch.get(1), "answered 422"),
                new SendResult.Poison(batch.get(1), "answered 422 twice")));
        Counters counters = new Counters();
        Dispatcher dispatcher = new Dispatcher("user", sink, new DeliveryPolicy(16, 4, Duration.ofHours(1), 5,
                new Backoff(Duration.ofMillis(1), Duration.ofMillis(1))), new Ledger(counters), TypeFilter.ALL, null);
        dispatcher.start();
        try {
            for (int i = 0; i < 4; i++) {
                dispatcher.offer(new Event("e" + i, "user.blocked", 1L, Map.of()));
            }

            assertThat(dispatcher.flush(Duration.ofSeconds(10))).isTrue();
        } finally {
            dispatcher.beginShutdown(System.nanoTime());
        }

        AuditweaveMetrics metrics = counters.snapshot();
        assertThat(metrics.delivered()).isEqualTo(3);
        assertThat(metrics.droppedByReason()).containsEntry(DropReason.POISON_NO_SPOOL, 1L);
        assertThat(metrics.delivered() + metrics.dropped()).as("offered, each once").isEqualTo(4);
    }

    @Test
    void aSinkThatThrowsALinkageError_rejectsTheBatchAndKeepsTheWorkerAlive() {
        List<Integer> sends = new ArrayList<>();
        Sink sink = batch -> {
            sends.add(batch.size());
            if (sends.size() == 1) {
                throw new NoClassDefFoundError("com/example/MissingClient");
            }
            return SendResult.delivered();
        };
        Counters counters = new Counters();
        Dispatcher dispatcher = new Dispatcher("user", sink, new DeliveryPolicy(16, 1, Duration.ofHours(1), 5,
                new Backoff(Duration.ofMillis(1), Duration.ofMillis(1))), new Ledger(counters), TypeFilter.ALL, null);
        dispatcher.start();
        try {
            dispatcher.offer(new Event("e1", "user.blocked", 1L, Map.of()));
            assertThat(dispatcher.flush(Duration.ofSeconds(10))).isTrue();
            dispatcher.offer(new Event("e2", "user.blocked", 1L, Map.of()));
            assertThat(dispatcher.flush(Duration.ofSeconds(10))).isTrue();
        } finally {
            dispatcher.beginShutdown(System.nanoTime());
        }

        assertThat(sends).containsExactly(1, 1);
        assertThat(counters.snapshot().failed()).isEqualTo(1);
        assertThat(counters.snapshot().delivered()).isEqualTo(1);
    }

    @Test
    void aSinkThatAnswersNull_rejectsTheBatch() {
        Counters counters = new Counters();
        Dispatcher dispatcher = new Dispatcher("user", batch -> null, new DeliveryPolicy(16, 1, Duration.ofHours(1), 5,
                new Backoff(Duration.ofMillis(1), Duration.ofMillis(1))), new Ledger(counters), TypeFilter.ALL, null);
        dispatcher.start();
        try {
            dispatcher.offer(new Event("e1", "user.blocked", 1L, Map.of()));
            assertThat(dispatcher.flush(Duration.ofSeconds(10))).isTrue();
        } finally {
            dispatcher.beginShutdown(System.nanoTime());
        }

        assertThat(counters.snapshot().failed()).isEqualTo(1);
    }
}
