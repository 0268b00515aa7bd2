package dev.auditweave.agent.internal.spool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditweave.agent.internal.event.Event;
import dev.auditweave.agent.internal.metrics.Counters;
import dev.auditweave.agent.internal.metrics.Ledger;
import dev.auditweave.agent.metrics.DropReason;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the writer does with an event handed over just as it ends: a caller (or the worker) that passed the closing
 * check just before {@link SegmentWriter#close} reaches the ring (or the inbox) only after the thread ended; nobody
 * will write it, so it is dropped for shutdown rather than left in memory without a fate.
 */
class SegmentWriterTest {

    @TempDir
    Path root;

    private final List<String> fates = Collections.synchronizedList(new ArrayList<>());
    private final Counters counters = new Counters();
    private SegmentWriter writer;

    @BeforeEach
    void closedWriter() throws Exception {
        Ledger ledger = new Ledger(counters, (fate, reason, event, replay) ->
                fates.add(event.id() + " " + fate + (reason == null ? "" : " " + reason)));
        writer = new SegmentWriter(SpoolDirectory.lock(root, "abuse"), new Position(1, 0), 1 << 20, 1 << 16,
                Duration.ofMillis(2), 64, ledger);
        writer.start();
        assertThat(writer.close(System.nanoTime() + TimeUnit.SECONDS.toNanos(10))).isTrue();
        assertThat(writer.alive()).isFalse();
    }

    @Test
    void anEventThatReachesTheRingAfterTheThreadEndedIsDroppedForShutdown() {
        assertThat(writer.offerOverflow(event("late"))).as("closed: refused at the check").isFalse();

        // A caller that passed the check just before close, and reaches the ring only now.
        writer.ring(event("e1"));

        assertThat(fates).containsExactly("e1 DROPPED SHUTDOWN");
        assertThat(writer.pendingEvents()).isZero();
        assertThat(counters.snapshot().droppedByReason()).containsEntry(DropReason.SHUTDOWN, 1L);
    }

    @Test
    void aBatchHandedOverAfterTheThreadEndedIsDroppedForShutdown() {
        assertThat(writer.append(List.of(event("late")))).as("stopped: the worker keeps its batch").isFalse();

        writer.handOver(List.of(event("e1"), event("e2")));

        assertThat(fates).containsExactly("e1 DROPPED SHUTDOWN", "e2 DROPPED SHUTDOWN");
        assertThat(writer.pendingEvents()).isZero();
        assertThat(writer.hasPending()).isFalse();
    }

    private static Event event(String id) {
        return new Event(id, "user.blocked", 1L, Map.of("n", 1));
    }
}
