package dev.auditweave.agent.internal.tx;

import dev.auditweave.agent.internal.runtime.AuditweaveRuntime;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Where a captured event waits for a transaction: finds the transaction active on the calling thread among the
 * sources the annotated method's class loader can see, checked in this order: a scope of
 * {@code Auditweave.beginTransaction()}, Spring's {@code TransactionSynchronizationManager}, JTA's
 * {@code TransactionSynchronizationRegistry}. Which sources a class loader has is found once.
 *
 * <pre>{@code
 * PendingEvents pending = Transactions.pendingEvents(method.getDeclaringClass(), runtime);
 * if (pending != null) pending.hold(event); else runtime.release(event);
 * }</pre>
 */
public final class Transactions {

    private static final TransactionSource[] HOOK_ONLY = {ScopedTransactions.INSTANCE};

    /**
     * Shared by the classes of one loader. The sources refer to the loader's classes, so the map holds them weakly:
     * the classes hold them strongly (through {@link #BY_CLASS}), and a discarded loader is not kept alive.
     */
    private static final Map<ClassLoader, WeakReference<TransactionSource[]>> BY_LOADER = new WeakHashMap<>();

    private static final ClassValue<TransactionSource[]> BY_CLASS = new ClassValue<>() {
        @Override
        protected TransactionSource[] computeValue(Class<?> type) {
            ClassLoader loader = type.getClassLoader();
            if (loader == null) {
                return HOOK_ONLY;
            }
            synchronized (BY_LOADER) {
                WeakReference<TransactionSource[]> shared = BY_LOADER.get(loader);
                TransactionSource[] sources = shared == null ? null : shared.get();
                if (sources == null) {
                    sources = sourcesOf(loader);
                    BY_LOADER.put(loader, new WeakReference<>(sources));
                }
                return sources;
            }
        }
    };

    private Transactions() {
    }

    /**
     * The events of the transaction active on the calling thread, as code of {@code caller} sees it, or {@code null}
     * when none is active (the event is then sent at once).
     */
    public static PendingEvents pendingEvents(Class<?> caller, AuditweaveRuntime runtime) {
        for (TransactionSource source : BY_CLASS.get(caller)) {
            PendingEvents pending = source.pendingEvents(runtime);
            if (pending != null) {
                return pending;
            }
        }
        return null;
    }

    /**
     * Finds now which transaction sources code of {@code caller} sees (a JNDI look-up for JTA among them), so that
     * the first capture does not pay for it on the business thread. Never throws.
     */
    public static void prepare(Class<?> caller) {
        try {
            BY_CLASS.get(caller);
        } catch (RuntimeException | LinkageError e) {
            // The first capture tries again, and any source it cannot use is left out with a warning then.
        }
    }

    private static TransactionSource[] sourcesOf(ClassLoader loader) {
        List<TransactionSource> sources = new ArrayList<>(3);
        sources.add(ScopedTransactions.INSTANCE);
        SpringTransactions spring = SpringTransactions.find(loader);
        if (spring != null) {
            sources.add(spring);
        }
        JtaTransactions jta = JtaTransactions.find(loader);
        if (jta != null) {
            sources.add(jta);
        }
        return sources.toArray(new TransactionSource[0]);
    }
}
