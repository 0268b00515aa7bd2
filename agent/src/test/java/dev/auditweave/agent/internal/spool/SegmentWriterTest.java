package dev.auditweave.agent.internal.spool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditweave.agent.internal.event.Event;
import dev.auditweave.agent.internal.metrics.Counters;
import dev.auditweave.agent.internal.metrics.Ledger;
import dev.auditweave.agent.metrics.DropReason;
import java.io.FileInputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the writer does with an event handed over just as it ends: a caller (or the worker) that passed the closing
 * check just before {@link SegmentWriter#close} reaches the ring (or the inbox) only after the thread ended; nobody
 * will write it, so it is dropped for shutdown rather than left in memory without a fate. The same holds once close
 * gave up waiting for a writer still busy at the deadline, and what that writer holds is counted only by it.
 */
class SegmentWriterTest {

    @TempDir
    Path root;

    private final List<String> fates = Collections.synchronizedList(new ArrayList<>());
    private final Counters counters = new Counters();
    private SegmentWriter writer;

    @BeforeEach
    void closedWriter() throws Exception {
        writer = writer(SpoolDirectory.lock(root, "abuse"));
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

    /**
     * A writer still busy at the shutdown deadline: here, opening its segment, a named pipe that nobody reads yet,
     * blocks it with two events in hand. What it had not taken yet is dropped by close, once, with its events; the two
     * it holds get the fate the writer gives them when it goes on (the pipe refuses a positioned write: a spool error).
     * Nothing is counted twice, and nothing is counted without its event.
     */
    @Test
    @DisabledOnOs(OS.WINDOWS)
    void aWriterStillBusyAtTheDeadlineLeavesEachEventExactlyOneFate() throws Exception {
        SpoolDirectory directory = SpoolDirectory.lock(root.resolve("stuck"), "abuse");
        Path pipe = directory.segment(1);
        assertThat(new ProcessBuilder("mkfifo", pipe.toString()).inheritIO().start().waitFor()).isZero();
        SegmentWriter busy = writer(directory);
        busy.start();

        busy.handOver(List.of(event("e1"), event("e2")));
        awaitOpening("auditweave-spool-abuse", busy);
        busy.ring(event("e3"));
        busy.handOver(List.of(event("e4")));

        assertThat(busy.close(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50))).as("still opening").isFalse();
        assertThat(fates).containsExactlyInAnyOrder("e3 DROPPED SHUTDOWN", "e4 DROPPED SHUTDOWN");
        assertThat(busy.held()).as("e1 and e2, in the writer's hands, named by the warning").isEqualTo(2);
        busy.ring(event("e5"));
        assertThat(fates).as("a caller past the closing check").contains("e5 DROPPED SHUTDOWN");

        try (FileInputStream reader = new FileInputStream(pipe.toFile())) {
            assertThat(busy.close(System.nanoTime() + TimeUnit.SECONDS.toNanos(10))).as("went on, ended").isTrue();
        }
        assertThat(fates).containsExactlyInAnyOrder("e1 DROPPED SPOOL_ERROR", "e2 DROPPED SPOOL_ERROR",
                "e3 DROPPED SHUTDOWN", "e4 DROPPED SHUTDOWN", "e5 DROPPED SHUTDOWN");
        assertThat(counters.snapshot().droppedByReason()).containsEntry(DropReason.SHUTDOWN, 3L)
                .containsEntry(DropReason.SPOOL_ERROR, 2L);
        assertThat(busy.held()).as("each given its fate").isZero();
        assertThat(busy.hasPending()).isFalse();
    }

    private SegmentWriter writer(SpoolDirectory directory) {
        Ledger ledger = new Ledger(counters, (fate, reason, event, replay) -> fates.add(
                (event == null ? "unseen" : event.id()) + " " + fate + (reason == null ? "" : " " + reason)));
        return new SegmentWriter(directory, new Position(1, 0), 1 << 20, 1 << 16, Duration.ofMillis(2), 64, ledger);
    }

    /** Waits until the writer's thread is inside the call that opens its segment, and holds what it took. */
    private static void awaitOpening(String threadName, SegmentWriter writer) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!opening(threadName)) {
            assertThat(System.nanoTime()).as("the writer never reached its segment's open").isLessThan(deadline);
            assertThat(writer.alive()).isTrue();
            Thread.onSpinWait();
        }
    }

    private static boolean opening(String threadName) {
        for (Map.Entry<Thread, StackTraceElement[]> thread : Thread.getAllStackTraces().entrySet()) {
            if (thread.getKey().getName().equals(threadName)) {
                for (StackTraceElement frame : thread.getValue()) {
                    if (frame.getClassName().equals(SegmentWriter.class.getName())
                            && frame.getMethodName().equals("openActive")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static Event event(String id) {
        return new Event(id, "user.blocked", 1L, Map.of("n", 1));
    }
}
