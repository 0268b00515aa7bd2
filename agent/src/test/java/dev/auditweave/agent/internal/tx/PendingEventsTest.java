package dev.auditweave.agent.internal.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auditweave.agent.internal.config.Settings;
import dev.auditweave.agent.internal.event.Event;
import dev.auditweave.agent.internal.runtime.AuditweaveRuntime;
import dev.auditweave.agent.internal.sink.MemorySink;
import dev.auditweave.agent.metrics.DropReason;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PendingEventsTest {

    private final MemorySink sink = new MemorySink();
    private AuditweaveRuntime runtime;
    private PendingEvents pending;

    @BeforeEach
    void start() {
        runtime = AuditweaveRuntime.replace(Settings.defaults().with(Map.of("auditweave.batch.max-delay-ms", "0")),
                List.of(sink));
        pending = new PendingEvents(runtime, 100);
    }

    // ---------------------------------------------------------------- outcome

    @Test
    void committed_releasesWhatIsHeldInCaptureOrder() {
        pending.hold(event("a"));
        pending.hold(event("b"));

        assertThat(delivered()).as("nothing before the commit").isEmpty();
        pending.committed();

        assertThat(delivered()).containsExactly("a", "b");
        assertThat(runtime.metrics().heldForCommit()).isEqualTo(2);
    }

    @Test
    void rolledBack_dropsWhatIsHeldAsRollback() {
        pending.hold(event("a"));
        pending.rolledBack();

        assertThat(delivered()).isEmpty();
        assertThat(runtime.metrics().droppedRollback()).isEqualTo(1);
    }

    @Test
    void maxEvents_belowOne_isRejected() {
        assertThatThrownBy(() -> new PendingEvents(runtime, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxEvents").hasMessageContaining("0");
    }

    @Test
    void hold_pastMaxEvents_dropsAsTransactionFull() {
        PendingEvents small = new PendingEvents(runtime, 1);
        small.hold(event("a"));
        small.hold(event("b"));
        small.committed();

        assertThat(delivered()).containsExactly("a");
        assertThat(runtime.metrics().droppedByReason().get(DropReason.TRANSACTION_FULL)).isEqualTo(1);
    }

    // ---------------------------------------------------------------- savepoints

    @Test
    void rolledBackTo_dropsOnlyWhatCameAfterTheSavepoint() {
        Object savepoint = new Object();
        pending.hold(event("before"));
        pending.savepoint(savepoint);
        pending.hold(event("inside"));
        pending.rolledBackTo(savepoint);
        pending.hold(event("after"));
        pending.committed();

        assertThat(delivered()).containsExactly("before", "after");
        assertThat(runtime.metrics().droppedRollback()).isEqualTo(1);
    }

    @Test
    void rolledBackTo_aSavepointSetBeforeTheFirstEvent_dropsEverythingHeld() {
        // Spring registers the holder with the transaction's first event: a NESTED block opened before it set its
        // savepoint unseen, and every event held came after it.
        Object setBeforeTheHolderExisted = new Object();
        pending.hold(event("inside-1"));
        pending.hold(event("inside-2"));
        pending.rolledBackTo(setBeforeTheHolderExisted);
        pending.hold(event("after"));
        pending.committed();

        assertThat(delivered()).containsExactly("after");
        assertThat(runtime.metrics().droppedRollback()).isEqualTo(2);
    }

    @Test
    void rolledBackTo_theSameSavepointTwice_dropsWhatCameAfterItEachTime() {
        Object savepoint = new Object();
        pending.hold(event("before"));
        pending.savepoint(savepoint);
        pending.hold(event("first-try"));
        pending.rolledBackTo(savepoint);
        pending.hold(event("second-try"));
        pending.rolledBackTo(savepoint);
        pending.committed();

        assertThat(delivered()).containsExactly("before");
        assertThat(runtime.metrics().droppedRollback()).isEqualTo(2);
    }

    @Test
    void rolledBackTo_anOuterSavepoint_dropsWhatCameAfterAnInnerOneToo() {
        Object outer = new Object();
        Object inner = new Object();
        pending.hold(event("a"));
        pending.savepoint(outer);
        pending.hold(event("b"));
        pending.savepoint(inner);
        pending.hold(event("c"));
        pending.rolledBackTo(outer);
        pending.committed();

        assertThat(delivered()).containsExactly("a");
        assertThat(runtime.metrics().droppedRollback()).isEqualTo(2);
    }

    @Test
    void rolledBackTo_afterTheOutcome_changesNothing() {
        Object savepoint = new Object();
        pending.savepoint(savepoint);
        pending.hold(event("a"));
        pending.committed();
        pending.rolledBackTo(savepoint);

        assertThat(delivered()).containsExactly("a");
        assertThat(runtime.metrics().droppedRollback()).isZero();
    }

    private static Event event(String type) {
        return Event.withRandomId(type, 1L, Map.of());
    }

    private List<String> delivered() {
        assertThat(runtime.flush(Duration.ofSeconds(10))).isTrue();
        return sink.events().stream().map(Event::type).toList();
    }
}
