package dev.auditweave.agent.internal.metrics;

import dev.auditweave.agent.metrics.AuditweaveMetrics;
import dev.auditweave.agent.metrics.DropReason;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class CountersTest {

    @Test
    void aSinksCountsAddUpInTheRuntimes() {
        Counters all = new Counters();
        Counters abuse = all.forSink();
        Counters audit = all.forSink();

        abuse.enqueued();
        abuse.delivered(3);
        abuse.deadLettered(1);
        abuse.dropped(DropReason.QUEUE_FULL, 2);
        audit.dropped(DropReason.SHUTDOWN, 1);
        audit.spooled(4);
        audit.replayed(4);
        audit.retried();
        audit.failed(2);
        audit.lost(1);

        AuditweaveMetrics total = all.snapshot();
        assertThat(total.enqueued()).isEqualTo(1);
        assertThat(total.delivered()).isEqualTo(3);
        assertThat(total.deadLettered()).isEqualTo(1);
        assertThat(total.dropped()).as("the total of every reason").isEqualTo(3);
        assertThat(total.droppedByReason()).containsEntry(DropReason.QUEUE_FULL, 2L)
                .containsEntry(DropReason.SHUTDOWN, 1L).containsEntry(DropReason.SPOOL_FULL, 0L)
                .hasSize(DropReason.values().length);
        assertThat(total.spooled()).isEqualTo(4);
        assertThat(total.replayed()).isEqualTo(4);
        assertThat(total.retried()).isEqualTo(1);
        assertThat(total.failed()).isEqualTo(2);
        assertThat(total.lost()).isEqualTo(1);
        assertThat(abuse.snapshot().delivered()).isEqualTo(3);
        assertThat(abuse.snapshot().dropped()).isEqualTo(2);
        assertThat(audit.snapshot().delivered()).isZero();
    }

    @Test
    void theOldDropMeansQueueFull() {
        Counters counters = new Counters();

        counters.dropped();

        assertThat(counters.snapshot().droppedByReason()).containsEntry(DropReason.QUEUE_FULL, 1L);
    }

    @Test
    void guardedOutCountsFromTheRuntimesStart() {
        GuardCounter before = new GuardCounter();
        before.increment();
        Counters counters = new Counters();
        GuardCounter spec = new GuardCounter();

        spec.increment();
        spec.increment();
        before.increment();

        assertThat(counters.snapshot().guardedOut()).isEqualTo(3);
        assertThat(counters.forSink().snapshot().guardedOut()).as("happens before routing").isZero();
    }

    @Test
    void theLossSummaryCoversOnlyMinutesWithDropsOrDeadLetters() {
        AtomicReference<AuditweaveMetrics> now = new AtomicReference<>(metrics(10, 0, Map.of()));
        LossReporter reporter = new LossReporter(now::get);

        assertThat(reporter.summary()).as("nothing lost yet").isEmpty();
        now.set(metrics(100, 2, Map.of(DropReason.QUEUE_FULL, 5L, DropReason.SHUTDOWN, 1L)));
        assertThat(reporter.summary()).contains("auditweave in the last minute: dropped 6 (QUEUE_FULL 5, SHUTDOWN 1),"
                + " dead-lettered 2; since start: captured 100, delivered 100, dropped 6, dead-lettered 2, failed 0");
        now.set(metrics(150, 2, Map.of(DropReason.QUEUE_FULL, 5L, DropReason.SHUTDOWN, 1L)));
        assertThat(reporter.summary()).as("a quiet minute").isEmpty();
        now.set(metrics(160, 3, Map.of(DropReason.QUEUE_FULL, 5L, DropReason.SHUTDOWN, 1L)));
        assertThat(reporter.summary()).hasValueSatisfying(line ->
                assertThat(line).startsWith("auditweave in the last minute: dropped 0, dead-lettered 1;"));
    }

    private static AuditweaveMetrics metrics(long captured, long deadLettered, Map<DropReason, Long> dropped) {
        Map<DropReason, Long> byReason = new EnumMap<>(DropReason.class);
        for (DropReason reason : DropReason.values()) {
            byReason.put(reason, dropped.getOrDefault(reason, 0L));
        }
        long total = byReason.values().stream().mapToLong(Long::longValue).sum();
        return new AuditweaveMetrics(captured, 0, captured, total, captured, 0, 0, 0, 0, 0, 0, deadLettered, 0, 0, 0, 0, byReason);
    }
}
