package dev.auditweave.agent.tx;

import dev.auditweave.agent.log.Loggers;
import dev.auditweave.agent.log.RateLimitedLogger;
import dev.auditweave.agent.runtime.AuditweaveRuntime;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

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
            PendingEvents bound = (PendingEvents) (Object) getResource.invokeExact((Object) this);
            if (bound != null) {
                return bound;
            }
            if (!(boolean) synchronizationActive.invokeExact()) {
                WARN.warn("no-synchronization", "auditweave: a Spring transaction without transaction"
                        + " synchronization (SYNCHRONIZATION_NEVER) cannot hold events; they are sent at once");
                return null;
            }
            PendingEvents pending = new PendingEvents(runtime, runtime.settings().transactionMaxEvents());
            Object callback = Proxy.newProxyInstance(loader, new Class<?>[] {synchronization},
                    new Synchronization(pending));
            registerSynchronization.invoke(callback);
            bindResource.invokeExact((Object) this, (Object) pending);
            return pending;
        } catch (Throwable t) {
            WARN.warn("failed", "auditweave: could not bind an event to the Spring transaction ({});"
                    + " it is sent at once", t.toString());
            return null;
        }
    }

    private void unbind() throws Throwable {
        unbindResourceIfPossible.invoke((Object) this);
    }

    private void bind(PendingEvents pending) throws Throwable {
        bindResource.invokeExact((Object) this, (Object) pending);
    }

    @Override
    public String toString() {
        return "auditweave events of Spring transactions in " + loader;
    }

    /** The {@code TransactionSynchronization} of one transaction, by method name (every other one a no-op). */
    private final class Synchronization implements InvocationHandler {
        private final PendingEvents pending;

        Synchronization(PendingEvents pending) {
            this.pending = pending;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "afterCompletion" -> {
                    unbind();
                    if ((int) args[0] == STATUS_COMMITTED) {
                        pending.committed();
                    } else {
                        pending.rolledBack();
                    }
                }
                case "suspend" -> unbind();
                case "resume" -> bind(pending);
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
                    // beforeCommit, beforeCompletion, afterCommit, flush: nothing to do.
                }
            }
            return null;
        }
    }
}
