package dev.auditweave.agent.internal.tx;

import dev.auditweave.agent.internal.log.Loggers;
import dev.auditweave.agent.internal.log.RateLimitedLogger;
import dev.auditweave.agent.internal.runtime.AuditweaveRuntime;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;

/**
 * Spring's transactions, through {@code TransactionSynchronizationManager} of the application's class loader, found
 * at run time (auditweave does not depend on Spring): so {@code @Transactional}, {@code TransactionTemplate}, JPA and
 * JDBC transactions all hold their events. Each transaction gets one {@link PendingEvents}, bound as a transaction
 * resource and registered as a {@code TransactionSynchronization} (a {@link Proxy} of Spring's interface), which
 * releases the events on {@code STATUS_COMMITTED} and drops them on any other completion.
 *
 * <p>Propagation follows Spring's own: a suspended transaction ({@code REQUIRES_NEW}, {@code NOT_SUPPORTED}) unbinds
 * its events until it resumes, so an inner transaction holds its own and an event captured while none is active is
 * sent at once. A savepoint ({@code NESTED}) marks what is held; on Spring 6.2 and later, which tells
 * synchronisations about savepoints, a rollback to it drops what came after. Before 6.2 those events follow the
 * outer transaction.
 *
 * <p>Code run by a transaction's {@code afterCompletion} callbacks (a {@code @TransactionalEventListener} of phase
 * {@code AFTER_ROLLBACK} or {@code AFTER_COMPLETION}) is outside it: its events are sent at once, or held by a new
 * transaction begun there. As the events of the ended transaction stay bound until its own callback is told the
 * outcome, a binding is checked once its completion began ({@code beforeCompletion}): it still holds while it is
 * among Spring's synchronisations (the commit's flush, {@code afterCommit}); Spring clears them before calling
 * {@code afterCompletion}, and a transaction begun there has its own.
 */
final class SpringTransactions implements TransactionSource {

    static final String MANAGER = "org.springframework.transaction.support.TransactionSynchronizationManager";
    static final String SYNCHRONIZATION = "org.springframework.transaction.support.TransactionSynchronization";

    private static final RateLimitedLogger WARN = new RateLimitedLogger(Loggers.get(SpringTransactions.class), 3600);

    /** {@code TransactionSynchronization.STATUS_COMMITTED}. */
    private static final int STATUS_COMMITTED = 0;
    /** {@code Ordered.LOWEST_PRECEDENCE}: after every other synchronisation, as the events follow the outcome. */
    private static final int LOWEST_PRECEDENCE = Integer.MAX_VALUE;

    private final ClassLoader loader;
    private final Class<?> synchronization;
    private final MethodHandle actualTransactionActive;
    private final MethodHandle synchronizationActive;
    private final MethodHandle getResource;
    private final MethodHandle bindResource;
    private final MethodHandle unbindResourceIfPossible;
    private final MethodHandle registerSynchronization;
    private final MethodHandle getSynchronizations;

    private SpringTransactions(ClassLoader loader, Class<?> manager, Class<?> synchronization)
            throws ReflectiveOperationException {
        MethodHandles.Lookup lookup = MethodHandles.publicLookup();
        this.loader = loader;
        this.synchronization = synchronization;
        this.actualTransactionActive = lookup.findStatic(manager, "isActualTransactionActive",
                MethodType.methodType(boolean.class));
        this.synchronizationActive = lookup.findStatic(manager, "isSynchronizationActive",
                MethodType.methodType(boolean.class));
        this.getResource = lookup.findStatic(manager, "getResource", MethodType.methodType(Object.class, Object.class));
        this.bindResource = lookup.findStatic(manager, "bindResource",
                MethodType.methodType(void.class, Object.class, Object.class));
        this.unbindResourceIfPossible = lookup.findStatic(manager, "unbindResourceIfPossible",
                MethodType.methodType(Object.class, Object.class));
        this.registerSynchronization = lookup.findStatic(manager, "registerSynchronization",
                MethodType.methodType(void.class, synchronization));
        this.getSynchronizations = lookup.findStatic(manager, "getSynchronizations",
                MethodType.methodType(List.class));
    }

    /** Spring's transactions as {@code loader} sees them, or {@code null} when it has no spring-tx. */
    static SpringTransactions find(ClassLoader loader) {
        try {
            Class<?> manager = Class.forName(MANAGER, false, loader);
            Class<?> synchronization = Class.forName(SYNCHRONIZATION, false, loader);
            return new SpringTransactions(loader, manager, synchronization);
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            WARN.warn("unusable", "auditweave: Spring's TransactionSynchronizationManager is on the class path but"
                    + " cannot be used ({}); events inside Spring transactions are sent at once", e.toString());
            return null;
        }
    }

    @Override
    public PendingEvents pendingEvents(AuditweaveRuntime runtime) {
        try {
            if (!(boolean) actualTransactionActive.invokeExact()) {
                return null;
            }
            Synchronization bound = (Synchronization) (Object) getResource.invokeExact((Object) this);
            if (bound != null && (!bound.completing || isRegistered(bound))) {
                return bound.pending;
            }
            if (bound != null) {
                // Its transaction completed: this code runs in an afterCompletion callback, outside it.
                bound.unbind();
            }
            if (!(boolean) synchronizationActive.invokeExact()) {
                // Spring's own managers leave an actual transaction without synchronisations only while its
                // afterCompletion callbacks run: it has ended, and the event belongs to no transaction.
                return null;
            }
            Synchronization binding = new Synchronization(new PendingEvents(runtime,
                    runtime.settings().transactionMaxEvents()));
            binding.callback = Proxy.newProxyInstance(loader, new Class<?>[] {synchronization}, binding);
            registerSynchronization.invoke(binding.callback);
            binding.bind();
            return binding.pending;
        } catch (Throwable t) {
            WARN.warn("failed", "auditweave: could not bind an event to the Spring transaction ({});"
                    + " it is sent at once", t.toString());
            return null;
        }
    }

    /** Whether {@code binding}'s callback is among the synchronisations of the transaction active now. */
    private boolean isRegistered(Synchronization binding) throws Throwable {
        return (boolean) synchronizationActive.invokeExact()
                && ((List<?>) getSynchronizations.invoke()).contains(binding.callback);
    }

    @Override
    public String toString() {
        return "auditweave events of Spring transactions in " + loader;
    }

    /**
     * The {@code TransactionSynchronization} of one transaction, by method name (every other one a no-op), and the
     * resource bound for it while it is active.
     */
    private final class Synchronization implements InvocationHandler {
        private final PendingEvents pending;
        /** The proxy registered with Spring. */
        private Object callback;
        /** Set by {@code beforeCompletion}, on the transaction's thread: from then on the binding is checked. */
        private boolean completing;

        Synchronization(PendingEvents pending) {
            this.pending = pending;
        }

        void bind() throws Throwable {
            bindResource.invokeExact((Object) SpringTransactions.this, (Object) this);
        }

        /** Unbinds this transaction's resource if it is bound, leaving any other transaction's alone. */
        void unbind() throws Throwable {
            if ((Object) getResource.invokeExact((Object) SpringTransactions.this) == this) {
                unbindResourceIfPossible.invoke((Object) SpringTransactions.this);
            }
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "beforeCompletion" -> completing = true;
                case "afterCompletion" -> {
                    unbind();
                    if ((int) args[0] == STATUS_COMMITTED) {
                        pending.committed();
                    } else {
                        pending.rolledBack();
                    }
                }
                case "suspend" -> unbind();
                case "resume" -> bind();
                case "savepoint" -> pending.savepoint(args[0]);
                case "savepointRollback" -> pending.rolledBackTo(args[0]);
                case "getOrder" -> {
                    return LOWEST_PRECEDENCE;
                }
                case "equals" -> {
                    return proxy == args[0];
                }
                case "hashCode" -> {
                    return System.identityHashCode(proxy);
                }
                case "toString" -> {
                    return "auditweave: " + pending.size() + " events waiting for the transaction";
                }
                default -> {
                    // beforeCommit, afterCommit, flush: nothing to do.
                }
            }
            return null;
        }
    }
}
