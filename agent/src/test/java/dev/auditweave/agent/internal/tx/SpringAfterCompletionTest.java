package dev.auditweave.agent.internal.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auditweave.agent.internal.config.Settings;
import dev.auditweave.agent.internal.event.Event;
import dev.auditweave.agent.internal.runtime.AuditweaveRuntime;
import dev.auditweave.agent.internal.sink.MemorySink;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Events captured while a Spring transaction completes ({@link AbstractPlatformTransactionManager}, driven by
 * {@link TransactionTemplate}; the outcomes themselves are {@link SpringTransactionsTest}'s): during the commit (as
 * Hibernate's flush runs entity listeners) and in {@code afterCommit} they still follow the transaction; in an
 * {@code afterCompletion} callback (a {@code @TransactionalEventListener} of phase {@code AFTER_ROLLBACK}) the
 * transaction has ended, and they leave at once or follow a new transaction begun there. Handed over as
 * {@code Capture} does: {@code runtime.accept(event, caller)}, with a caller whose class loader has spring-tx.
 */
class SpringAfterCompletionTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final InMemoryTransactionManager manager = new InMemoryTransactionManager();
    private final TransactionTemplate required = new TransactionTemplate(manager);
    private final TransactionTemplate requiresNew = new TransactionTemplate(manager);
    private AuditweaveRuntime runtime;

    @BeforeEach
    void start() {
        requiresNew.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        MemorySink.shared().clear();
        runtime = AuditweaveRuntime.replace(Settings.defaults().with(Map.of("auditweave.sink", "memory")));
    }

    @AfterEach
    void stop() {
        AuditweaveRuntime.replace(Settings.defaults().with(Map.of("auditweave.sink", "none")), List.of());
    }

    // While the transaction completes: its commit, afterCommit; and without synchronisation

    @Test
    void commitFlushes_anEventCapturedWhileTheCommitRuns_followsTheCommit() {
        manager.onCommit = () -> capture("flushed.entity");

        required.executeWithoutResult(status -> capture("user.renamed"));

        assertThat(delivered()).containsExactly("user.renamed", "flushed.entity");
    }

    @Test
    void commitFlushesThenFails_anEventCapturedWhileTheCommitRuns_isDropped() {
        manager.onCommit = () -> capture("flushed.entity");
        manager.failCommits = true;

        assertThatThrownBy(() -> required.executeWithoutResult(status -> capture("user.renamed")))
                .isInstanceOf(TransactionSystemException.class);

        assertThat(delivered()).isEmpty();
        assertThat(runtime.metrics().droppedRollback()).isEqualTo(2);
    }

    @Test
    void afterCommit_anEventCapturedThere_leaves() {
        required.executeWithoutResult(status -> {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    capture("after.commit");
                }
            });
            capture("outer");
        });

        assertThat(delivered()).containsExactlyInAnyOrder("outer", "after.commit");
    }

    @Test
    void synchronizationNever_springReportsNoTransaction_theEventLeavesAtOnce() {
        manager.setTransactionSynchronization(AbstractPlatformTransactionManager.SYNCHRONIZATION_NEVER);

        required.executeWithoutResult(status -> capture("unsynchronized"));

        assertThat(delivered()).containsExactly("unsynchronized");
        assertThat(runtime.metrics().heldForCommit()).isZero();
    }

    // After the transaction ended: afterCompletion callbacks (@TransactionalEventListener AFTER_ROLLBACK, ...)

    @Test
    void afterCompletion_ofARolledBackTransaction_anEventCapturedThereBelongsToNoTransaction() {
        assertThatThrownBy(() -> required.executeWithoutResult(status -> {
            afterCompletion(() -> capture("after.rollback"));
            capture("outer");
            throw new IllegalStateException("outer fails");
        })).hasMessage("outer fails");

        assertThat(delivered()).as("the callback ran once the rollback was done: its event is not the outer's")
                .containsExactly("after.rollback");
        assertThat(runtime.metrics().droppedRollback()).isEqualTo(1);
    }

    @Test
    void afterCompletion_registeredAfterTheCapture_itsEventLeavesAtOnce() {
        assertThatThrownBy(() -> required.executeWithoutResult(status -> {
            capture("outer");
            afterCompletion(() -> capture("after.rollback"));
            throw new IllegalStateException("outer fails");
        })).hasMessage("outer fails");

        assertThat(delivered()).containsExactly("after.rollback");
        assertThat(runtime.metrics().droppedRollback()).isEqualTo(1);
    }

    @Test
    void afterCompletion_aRequiresNewTransactionThatCommits_itsEventLeaves() {
        assertThatThrownBy(() -> required.executeWithoutResult(status -> {
            afterCompletion(() -> requiresNew.executeWithoutResult(inner -> capture("after.rollback.committed")));
            capture("outer");
            throw new IllegalStateException("outer fails");
        })).hasMessage("outer fails");

        assertThat(delivered()).containsExactly("after.rollback.committed");
        assertThat(runtime.metrics().droppedRollback()).isEqualTo(1);
    }

    @Test
    void afterCompletion_aRequiresNewTransactionThatRollsBack_itsEventIsDropped() {
        required.executeWithoutResult(status -> {
            afterCompletion(() -> {
                try {
                    requiresNew.executeWithoutResult(inner -> {
                        capture("after.commit.rolled-back");
                        throw new IllegalStateException("inner fails");
                    });
                } catch (IllegalStateException expected) {
                    // the inner transaction rolled back
                }
            });
            capture("outer");
        });

        assertThat(delivered()).as("the outer committed; the inner, begun after it, rolled back")
                .containsExactly("outer");
        assertThat(runtime.metrics().droppedRollback()).isEqualTo(1);
    }

    private void capture(String type) {
        runtime.accept(Event.withRandomId(type, 0L, Map.of()), SpringAfterCompletionTest.class);
    }

    /** Registers, in the active transaction, a synchronisation that runs {@code action} in its afterCompletion. */
    private static void afterCompletion(Runnable action) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                action.run();
            }
        });
    }

    private List<String> delivered() {
        assertThat(runtime.flush(WAIT)).as("flushed").isTrue();
        return MemorySink.shared().events().stream().map(Event::type).toList();
    }

    /** A transaction manager without a resource: begins, suspends, commits (or fails to) and rolls back. */
    private static final class InMemoryTransactionManager extends AbstractPlatformTransactionManager {

        private static final Object KEY = new Object();

        volatile boolean failCommits;
        /** What the commit runs first, as Hibernate's flush runs entity listeners; {@code null} for nothing. */
        volatile Runnable onCommit;

        /** The transaction of one {@code getTransaction}: the holder bound at the time, or one it began. */
        private static final class Transaction {
            Object holder = TransactionSynchronizationManager.getResource(KEY);
            boolean began;
        }

        @Override
        protected Object doGetTransaction() {
            return new Transaction();
        }

        @Override
        protected boolean isExistingTransaction(Object transaction) {
            return ((Transaction) transaction).holder != null;
        }

        @Override
        protected void doBegin(Object transaction, TransactionDefinition definition) {
            Transaction begun = (Transaction) transaction;
            begun.holder = new Object();
            begun.began = true;
            TransactionSynchronizationManager.bindResource(KEY, begun.holder);
        }

        @Override
        protected Object doSuspend(Object transaction) {
            ((Transaction) transaction).holder = null;
            return TransactionSynchronizationManager.unbindResource(KEY);
        }

        @Override
        protected void doResume(Object transaction, Object suspendedResources) {
            TransactionSynchronizationManager.bindResource(KEY, suspendedResources);
        }

        @Override
        protected void doCommit(DefaultTransactionStatus status) {
            if (onCommit != null) {
                onCommit.run();
            }
            if (failCommits) {
                throw new TransactionSystemException("the commit failed");
            }
        }

        @Override
        protected void doRollback(DefaultTransactionStatus status) {
            // nothing was written
        }

        @Override
        protected void doSetRollbackOnly(DefaultTransactionStatus status) {
            // a participant's rollback-only: the outer transaction's status carries it
        }

        @Override
        protected void doCleanupAfterCompletion(Object transaction) {
            if (((Transaction) transaction).began) {
                TransactionSynchronizationManager.unbindResourceIfPossible(KEY);
            }
        }
    }
}
