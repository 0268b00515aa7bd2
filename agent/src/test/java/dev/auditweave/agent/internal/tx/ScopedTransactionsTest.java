package dev.auditweave.agent.internal.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auditweave.agent.Auditweave;
import dev.auditweave.agent.AuditweaveTransaction;
import dev.auditweave.agent.internal.capture.Capture;
import dev.auditweave.agent.internal.config.Settings;
import dev.auditweave.agent.internal.event.Event;
import dev.auditweave.agent.internal.plan.PlanCache;
import dev.auditweave.agent.internal.runtime.AuditweaveRuntime;
import dev.auditweave.agent.internal.sink.MemorySink;
import dev.auditweave.annotations.EmitsAbuseEvent;
import dev.auditweave.annotations.Field;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The public hook for home-grown transaction helpers: {@link Auditweave#beginTransaction()}. */
class ScopedTransactionsTest {

    private final MemorySink sink = new MemorySink();
    private AuditweaveRuntime runtime;

    @BeforeEach
    void start() {
        runtime = AuditweaveRuntime.replace(Settings.defaults().with(Map.of("auditweave.batch.max-delay-ms", "0")),
                List.of(sink));
    }

    @AfterEach
    void noScopeLeftOpen() {
        assertThat(ScopedTransactions.INSTANCE.pendingEvents(runtime)).as("no scope left on the thread").isNull();
    }

    @Test
    void aCommittedScopeSendsWhatItHeld() {
        try (AuditweaveTransaction events = Auditweave.beginTransaction()) {
            deleteUser("u-1");
            assertThat(delivered()).isEmpty();
            events.commit();
        }

        assertThat(delivered()).containsExactly("user.deleted u-1");
    }

    @Test
    void bugClass3_aScopeClosedWithoutCommitDropsWhatItHeld() {
        try (AuditweaveTransaction events = Auditweave.beginTransaction()) {
            deleteUser("u-1");
        }

        assertThat(delivered()).isEmpty();
        assertThat(runtime.metrics().droppedRollback()).isEqualTo(1);
    }

    @Test
    void anInnerScopeCommitsOnItsOwnWhileTheOuterRollsBack() {
        try (AuditweaveTransaction outer = Auditweave.beginTransaction()) {
            deleteUser("u-1");
            try (AuditweaveTransaction inner = Auditweave.beginTransaction()) {
                deleteUser("u-2");
                inner.commit();
            }
            deleteUser("u-3");
            outer.rollback();
        }

        assertThat(delivered()).containsExactly("user.deleted u-2");
        assertThat(runtime.metrics().droppedRollback()).isEqualTo(2);
    }

    @Test
    void scopesEndedOutOfOrderLeaveTheThreadClean() {
        AuditweaveTransaction outer = Auditweave.beginTransaction();
        AuditweaveTransaction inner = Auditweave.beginTransaction();
        outer.commit();
        deleteUser("u-1");
        inner.commit();

        assertThat(delivered()).as("held by the inner scope, the innermost open").containsExactly("user.deleted u-1");
    }

    @Test
    void commitAfterRollbackChangesNothing() {
        AuditweaveTransaction events = Auditweave.beginTransaction();
        deleteUser("u-1");
        events.rollback();
        events.commit();
        events.close();

        assertThat(delivered()).isEmpty();
        assertThat(runtime.metrics().droppedRollback()).isEqualTo(1);
    }

    @Test
    void aScopeMustEndOnItsOwnThread() {
        AuditweaveTransaction events = Auditweave.beginTransaction();
        try {
            assertThatThrownBy(() -> CompletableFuture.runAsync(events::commit).join())
                    .hasCauseInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("must end on the thread that began it");
        } finally {
            events.close();
        }
    }

    @Test
    void aScopeOpenOnAnotherThreadHoldsNothingOfThisOne() throws Exception {
        CountDownLatch opened = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        CompletableFuture<Void> other = CompletableFuture.runAsync(() -> {
            try (AuditweaveTransaction elsewhere = Auditweave.beginTransaction()) {
                opened.countDown();
                done.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try {
            assertThat(opened.await(10, TimeUnit.SECONDS)).isTrue();
            deleteUser("u-1");
            assertThat(delivered()).containsExactly("user.deleted u-1");
        } finally {
            done.countDown();
            other.get(10, TimeUnit.SECONDS);
        }
        try (AuditweaveTransaction events = Auditweave.beginTransaction()) {
            deleteUser("u-2");
            assertThat(delivered()).as("held while this thread's scope is open").containsExactly("user.deleted u-1");
            events.commit();
        }
        assertThat(delivered()).containsExactly("user.deleted u-1", "user.deleted u-2");
    }

    @Test
    void anEventHeldAfterTheOutcomeFollowsIt() {
        PendingEvents committed = new PendingEvents(runtime, 10);
        committed.committed();
        PendingEvents rolledBack = new PendingEvents(runtime, 10);
        rolledBack.rolledBack();

        committed.hold(Event.withRandomId("late.committed", 1L, Map.of()));
        rolledBack.hold(Event.withRandomId("late.rolled_back", 1L, Map.of()));

        assertThat(sinkTypes()).containsExactly("late.committed");
        assertThat(runtime.metrics().droppedRollback()).isEqualTo(1);
    }

    @Test
    void aPendingEventsNeedsRoomForOneEvent() {
        assertThatThrownBy(() -> new PendingEvents(runtime, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxEvents must be at least 1");
    }

    private void deleteUser(String userId) {
        try {
            Capture.afterReturn(PlanCache.forMethod(Fixtures.class.getDeclaredMethod("deleteUser", String.class)),
                    new Object[] {userId}, 1);
        } catch (NoSuchMethodException e) {
            throw new AssertionError(e);
        }
    }

    private List<String> delivered() {
        assertThat(runtime.flush(Duration.ofSeconds(10))).isTrue();
        return sink.events().stream().map(e -> e.type() + " " + e.data().get("kilo_user_id")).toList();
    }

    private List<String> sinkTypes() {
        assertThat(runtime.flush(Duration.ofSeconds(10))).isTrue();
        return sink.events().stream().map(Event::type).toList();
    }

    static final class Fixtures {
        @EmitsAbuseEvent(type = "user.deleted", when = "RETURNED_ROWS > 0",
                data = @Field(name = "kilo_user_id", value = "userId"))
        int deleteUser(String userId) {
            return 1;
        }
    }
}
