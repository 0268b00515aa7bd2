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
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * JTA transactions, through the {@code TransactionSynchronizationRegistry} an application server (or a standalone
 * transaction manager bound in JNDI) publishes at {@value #JNDI_NAME}; Jakarta ({@code jakarta.transaction}) or
 * Java EE ({@code javax.transaction}), found at run time. Each transaction gets one {@link PendingEvents}, kept as a
 * transaction resource and registered as an interposed {@code Synchronization}, which releases the events on
 * {@code STATUS_COMMITTED} and drops them on any other completion. JTA keeps resources per transaction, so a
 * suspended transaction keeps its events and an inner one holds its own.
 */
final class JtaTransactions implements TransactionSource {

    static final String JNDI_NAME = "java:comp/TransactionSynchronizationRegistry";

    private static final RateLimitedLogger WARN = new RateLimitedLogger(Loggers.get(JtaTransactions.class), 3600);

    /** {@code jakarta.transaction.Status.STATUS_ACTIVE}, {@code STATUS_MARKED_ROLLBACK}, {@code STATUS_COMMITTED}. */
    private static final int STATUS_ACTIVE = 0;
    private static final int STATUS_MARKED_ROLLBACK = 1;
    private static final int STATUS_COMMITTED = 3;

    private final Object registry;
    private final ClassLoader loader;
    private final Class<?> synchronization;
    private final MethodHandle status;
    private final MethodHandle getResource;
    private final MethodHandle putResource;
    private final MethodHandle register;

    private JtaTransactions(Object registry, Class<?> registryType, Class<?> synchronization)
            throws ReflectiveOperationException {
        MethodHandles.Lookup lookup = MethodHandles.publicLookup();
        this.registry = registry;
        this.loader = synchronization.getClassLoader();
        this.synchronization = synchronization;
        this.status = lookup.findVirtual(registryType, "getTransactionStatus", MethodType.methodType(int.class))
                .bindTo(registry);
        this.getResource = lookup.findVirtual(registryType, "getResource",
                MethodType.methodType(Object.class, Object.class)).bindTo(registry);
        this.putResource = lookup.findVirtual(registryType, "putResource",
                MethodType.methodType(void.class, Object.class, Object.class)).bindTo(registry);
        this.register = lookup.findVirtual(registryType, "registerInterposedSynchronization",
                MethodType.methodType(void.class, synchronization)).bindTo(registry);
    }

    /**
     * The JTA registry as {@code loader} sees it, or {@code null}: when neither JTA API is on its class path (then
     * nothing is looked up), or when JNDI has no registry.
     */
    static JtaTransactions find(ClassLoader loader) {
        for (String api : new String[] {"jakarta.transaction", "javax.transaction"}) {
            Class<?> registryType;
            Class<?> synchronization;
            try {
                registryType = Class.forName(api + ".TransactionSynchronizationRegistry", false, loader);
                synchronization = Class.forName(api + ".Synchronization", false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                continue;
            }
            Object registry = lookUp(loader);
            if (registry == null || !registryType.isInstance(registry)) {
                continue;
            }
            try {
                return new JtaTransactions(registry, registryType, synchronization);
            } catch (ReflectiveOperationException | RuntimeException e) {
                WARN.warn("unusable", "auditweave: the JTA TransactionSynchronizationRegistry cannot be used ({});"
                        + " events inside JTA transactions are sent at once", e.toString());
            }
        }
        return null;
    }

    private static Object lookUp(ClassLoader loader) {
        Thread thread = Thread.currentThread();
        ClassLoader context = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return new InitialContext().lookup(JNDI_NAME);
        } catch (NamingException | RuntimeException | LinkageError e) {
            return null;
        } finally {
            thread.setContextClassLoader(context);
        }
    }

    @Override
    public PendingEvents pendingEvents(AuditweaveRuntime runtime) {
        try {
            int now = (int) status.invokeExact();
            if (now != STATUS_ACTIVE && now != STATUS_MARKED_ROLLBACK) {
                return null;
            }
            PendingEvents bound = (PendingEvents) (Object) getResource.invokeExact((Object) this);
            if (bound != null) {
                return bound;
            }
            PendingEvents pending = new PendingEvents(runtime, runtime.settings().transactionMaxEvents());
            register.invoke(Proxy.newProxyInstance(loader, new Class<?>[] {synchronization},
                    new Synchronization(pending)));
            putResource.invokeExact((Object) this, (Object) pending);
            return pending;
        } catch (Throwable t) {
            WARN.warn("failed", "auditweave: could not bind an event to the JTA transaction ({}); it is sent at once",
                    t.toString());
            return null;
        }
    }

    @Override
    public String toString() {
        return "auditweave events of JTA transactions (" + registry.getClass().getName() + ")";
    }

    /** The interposed {@code Synchronization} of one transaction. */
    private static final class Synchronization implements InvocationHandler {
        private final PendingEvents pending;

        Synchronization(PendingEvents pending) {
            this.pending = pending;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) {
            switch (method.getName()) {
                case "afterCompletion" -> {
                    if ((int) args[0] == STATUS_COMMITTED) {
                        pending.committed();
                    } else {
                        pending.rolledBack();
                    }
                }
                case "equals" -> {
                    return proxy == args[0];
                }
                case "hashCode" -> {
                    return System.identityHashCode(proxy);
                }
                case "toString" -> {
                    return "auditweave: " + pending.size() + " events waiting for the JTA transaction";
                }
                default -> {
                    // beforeCompletion: nothing to do.
                }
            }
            return null;
        }
    }
}
