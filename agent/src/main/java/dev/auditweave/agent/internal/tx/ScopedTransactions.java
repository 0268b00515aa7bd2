package dev.auditweave.agent.internal.tx;

import dev.auditweave.agent.AuditweaveTransaction;
import dev.auditweave.agent.internal.runtime.AuditweaveRuntime;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The transactions of home-grown helpers, opened with {@code Auditweave.beginTransaction()}: a stack per thread (a
 * chain from the innermost scope outwards), the innermost holding what is captured while it is open, as Spring's
 * {@code REQUIRES_NEW} does. While no thread has a scope open (the case of every application that uses none), a
 * held event costs one read of a counter; otherwise one {@link ThreadLocal} read.
 */
public final class ScopedTransactions implements TransactionSource {

    static final ScopedTransactions INSTANCE = new ScopedTransactions();

    private static final ThreadLocal<Scope> INNERMOST = new ThreadLocal<>();

    /** Scopes begun and not yet ended, on every thread; a thread sees its own begin in program order. */
    private static final AtomicInteger OPEN = new AtomicInteger();

    private ScopedTransactions() {
    }

    /** Opens a scope on the calling thread, inside the one open there (if any). */
    public static AuditweaveTransaction begin() {
        Scope scope = new Scope(INNERMOST.get());
        INNERMOST.set(scope);
        OPEN.incrementAndGet();
        return scope;
    }

    @Override
    public PendingEvents pendingEvents(AuditweaveRuntime runtime) {
        if (OPEN.get() == 0) {
            return null;
        }
        Scope innermost = INNERMOST.get();
        return innermost == null ? null : innermost.pending(runtime);
    }

    private static final class Scope implements AuditweaveTransaction {
        private final Thread owner = Thread.currentThread();
        private Scope outer;
        private PendingEvents pending;
        private boolean ended;

        Scope(Scope outer) {
            this.outer = outer;
        }

        PendingEvents pending(AuditweaveRuntime runtime) {
            if (pending == null) {
                pending = new PendingEvents(runtime, runtime.settings().transactionMaxEvents());
            }
            return pending;
        }

        @Override
        public void commit() {
            if (end() && pending != null) {
                pending.committed();
            }
        }

        @Override
        public void rollback() {
            if (end() && pending != null) {
                pending.rolledBack();
            }
        }

        @Override
        public void close() {
            rollback();
        }

        /** Takes the scope off its thread's chain; {@code false} when it had ended already. */
        private boolean end() {
            if (ended) {
                return false;
            }
            if (Thread.currentThread() != owner) {
                throw new IllegalStateException("an AuditweaveTransaction must end on the thread that began it, "
                        + owner.getName() + ", not " + Thread.currentThread().getName());
            }
            ended = true;
            OPEN.decrementAndGet();
            Scope innermost = INNERMOST.get();
            if (innermost == this) {
                if (outer == null) {
                    INNERMOST.remove();
                } else {
                    INNERMOST.set(outer);
                }
                return true;
            }
            // Ended out of order (an outer scope before an inner one): unlink it from the chain.
            for (Scope inner = innermost; inner != null; inner = inner.outer) {
                if (inner.outer == this) {
                    inner.outer = outer;
                    break;
                }
            }
            return true;
        }
    }
}
