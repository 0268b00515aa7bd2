package dev.auditweave.agent.internal.tx;

import static org.assertj.core.api.Assertions.assertThat;

import com.arjuna.ats.arjuna.common.ObjectStoreEnvironmentBean;
import com.arjuna.ats.internal.jta.transaction.arjunacore.TransactionSynchronizationRegistryImple;
import com.arjuna.common.internal.util.propertyservice.BeanPopulator;
import dev.auditweave.agent.internal.config.Settings;
import dev.auditweave.agent.internal.event.Event;
import dev.auditweave.agent.internal.runtime.AuditweaveRuntime;
import dev.auditweave.agent.internal.sink.MemorySink;
import jakarta.transaction.TransactionManager;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import javax.naming.Context;
import javax.naming.NamingException;
import javax.naming.spi.InitialContextFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Events inside real JTA transactions (Narayana, standalone), found through the
 * {@code TransactionSynchronizationRegistry} bound in JNDI as an application server binds it.
 */
class JtaTransactionsTest {

    @TempDir
    static Path objectStore;

    private static TransactionSynchronizationRegistryImple registry;
    private static TransactionManager manager;

    private final MemorySink sink = new MemorySink();
    private AuditweaveRuntime runtime;
    private JtaTransactions jta;

    @BeforeAll
    static void bindTheRegistryInJndi() {
        for (String store : new String[] {null, "communicationStore", "stateStore"}) {
            BeanPopulator.getNamedInstance(ObjectStoreEnvironmentBean.class, store)
                    .setObjectStoreDir(objectStore.toString());
        }
        manager = com.arjuna.ats.jta.TransactionManager.transactionManager();
        registry = new TransactionSynchronizationRegistryImple();
        System.setProperty(Context.INITIAL_CONTEXT_FACTORY, RegistryContextFactory.class.getName());
    }

    @AfterAll
    static void unbind() {
        System.clearProperty(Context.INITIAL_CONTEXT_FACTORY);
    }

    @BeforeEach
    void start() {
        runtime = AuditweaveRuntime.replace(Settings.defaults().with(Map.of("auditweave.batch.max-delay-ms", "0")),
                List.of(sink));
        jta = JtaTransactions.find(JtaTransactionsTest.class.getClassLoader());
        assertThat(jta).as("found through JNDI").isNotNull();
    }

    @Test
    void outsideATransactionNothingIsHeld() {
        assertThat(jta.pendingEvents(runtime)).isNull();
    }

    @Test
    void aCommittedTransactionSendsItsEvents() throws Exception {
        manager.begin();
        PendingEvents pending = jta.pendingEvents(runtime);
        pending.hold(event("user.deleted"));
        assertThat(jta.pendingEvents(runtime)).as("one per transaction").isSameAs(pending);
        assertThat(delivered()).isEmpty();
        manager.commit();

        assertThat(delivered()).containsExactly("user.deleted");
    }

    @Test
    void bugClass3_aRolledBackTransactionSendsNothing() throws Exception {
        manager.begin();
        jta.pendingEvents(runtime).hold(event("user.deleted"));
        manager.rollback();

        assertThat(delivered()).isEmpty();
        assertThat(runtime.metrics().droppedRollback()).isEqualTo(1);
    }

    @Test
    void bugClass3_aRollbackOnlyTransactionSendsNothing() throws Exception {
        manager.begin();
        jta.pendingEvents(runtime).hold(event("user.deleted"));
        manager.setRollbackOnly();
        try {
            manager.commit();
        } catch (jakarta.transaction.RollbackException expected) {
            // the commit of a rollback-only transaction rolls it back
        }

        assertThat(delivered()).isEmpty();
        assertThat(runtime.metrics().droppedRollback()).isEqualTo(1);
    }

    @Test
    void aSuspendedTransactionKeepsItsEventsWhileAnotherCommits() throws Exception {
        manager.begin();
        jta.pendingEvents(runtime).hold(event("outer"));
        jakarta.transaction.Transaction outer = manager.suspend();
        manager.begin();
        jta.pendingEvents(runtime).hold(event("inner"));
        manager.commit();
        manager.resume(outer);
        manager.rollback();

        assertThat(delivered()).containsExactly("inner");
        assertThat(runtime.metrics().droppedRollback()).isEqualTo(1);
    }

    @Test
    void withoutJndiThereIsNoJtaSource() {
        System.clearProperty(Context.INITIAL_CONTEXT_FACTORY);
        try {
            assertThat(JtaTransactions.find(JtaTransactionsTest.class.getClassLoader())).isNull();
        } finally {
            System.setProperty(Context.INITIAL_CONTEXT_FACTORY, RegistryContextFactory.class.getName());
        }
    }

    private static Event event(String type) {
        return Event.withRandomId(type, 1L, Map.of());
    }

    private List<String> delivered() {
        assertThat(runtime.flush(Duration.ofSeconds(10))).isTrue();
        return sink.events().stream().map(Event::type).toList();
    }

    /** A JNDI context that has the registry at {@code java:comp/TransactionSynchronizationRegistry}, and nothing else. */
    public static final class RegistryContextFactory implements InitialContextFactory {
        @Override
        public Context getInitialContext(Hashtable<?, ?> environment) {
            return (Context) Proxy.newProxyInstance(Context.class.getClassLoader(), new Class<?>[] {Context.class},
                    (proxy, method, args) -> {
                        if (method.getName().equals("lookup") && JtaTransactions.JNDI_NAME.equals(String.valueOf(args[0]))) {
                            return registry;
                        }
                        if (method.getName().equals("close")) {
                            return null;
                        }
                        throw new NamingException(method.getName() + " " + (args == null ? "" : args[0]) + " not bound");
                    });
        }
    }
}
