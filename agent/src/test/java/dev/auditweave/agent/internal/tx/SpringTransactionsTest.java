package dev.auditweave.agent.internal.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auditweave.agent.internal.capture.Capture;
import dev.auditweave.agent.internal.config.Settings;
import dev.auditweave.agent.internal.event.Event;
import dev.auditweave.agent.internal.plan.PlanCache;
import dev.auditweave.agent.internal.runtime.AuditweaveRuntime;
import dev.auditweave.agent.internal.sink.MemorySink;
import dev.auditweave.agent.metrics.DropReason;
import dev.auditweave.annotations.EmitsAbuseEvent;
import dev.auditweave.annotations.Field;
import dev.auditweave.annotations.Phase;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Events captured inside real Spring transactions (DataSourceTransactionManager on H2, TransactionTemplate) wait for
 * the commit: sent after it, dropped on rollback, rollback-only, failing commit and rolled-back savepoints.
 */
class SpringTransactionsTest {

    private final MemorySink sink = new MemorySink();
    private AuditweaveRuntime runtime;
    private JdbcTemplate jdbc;
    private DataSourceTransactionManager transactions;

    @BeforeEach
    void start() {
        runtime = AuditweaveRuntime.replace(Settings.defaults().with(Map.of("auditweave.batch.max-delay-ms", "0",
                "auditweave.transaction.max-events", "3")), List.of(sink));
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        useDataSource(h2);
        jdbc.execute("CREATE TABLE users (id VARCHAR(16) PRIMARY KEY, name VARCHAR(64))");
        jdbc.update("INSERT INTO users VALUES ('u-1', 'Ada'), ('u-2', 'Bob'), ('u-3', 'Cy')");
    }

    private void useDataSource(DataSource dataSource) {
        jdbc = new JdbcTemplate(dataSource);
        transactions = new DataSourceTransactionManager(dataSource);
    }

    @Test
    void aCommittedTransactionSendsItsEventsOnlyAfterTheCommit() {
        template(TransactionDefinition.PROPAGATION_REQUIRED).executeWithoutResult(status -> {
            deleteUser("u-1");
            assertThat(delivered()).as("nothing leaves before the commit").isEmpty();
            assertThat(runtime.metrics().heldForCommit()).isEqualTo(1);
        });

        assertThat(delivered()).containsExactly("user.deleted u-1");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM users", Integer.class)).isEqualTo(2);
    }

    @Test
    void bugClass3_aTransactionThatThrowsAfterTheUpdateSendsNothing() {
        assertThatThrownBy(() -> template(TransactionDefinition.PROPAGATION_REQUIRED).executeWithoutResult(status -> {
            deleteUser("u-1");
            throw new IllegalStateException("precondition failed: u-1 still owns an organization");
        })).hasMessageContaining("precondition failed");

        assertThat(delivered()).isEmpty();
        assertThat(runtime.metrics().droppedRollback()).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM users", Integer.class)).as("rolled back").isEqualTo(3);
    }

    @Test
    void bugClass3_aRollbackOnlyTransactionSendsNothing() {
        template(TransactionDefinition.PROPAGATION_REQUIRED).executeWithoutResult(status -> {
            rename("u-2", "Robert");
            status.setRollbackOnly();
        });

        assertThat(delivered()).isEmpty();
        assertThat(runtime.metrics().droppedRollback()).isEqualTo(1);
    }

    @Test
    void bugClass3_aCommitThatFailsSendsNothing() {
        useDataSource(new FailingCommits(jdbc.getDataSource()));

        assertThatThrownBy(() -> template(TransactionDefinition.PROPAGATION_REQUIRED)
                .executeWithoutResult(status -> deleteUser("u-1")))
                .isInstanceOf(TransactionSystemException.class);

        assertThat(delivered()).isEmpty();
        assertThat(runtime.metrics().droppedRollback()).isEqualTo(1);
    }

    @Test
    void anInnerRequiresNewThatCommitsSendsItsEventsThoughTheOuterRollsBack() {
        assertThatThrownBy(() -> template(TransactionDefinition.PROPAGATION_REQUIRED).executeWithoutResult(outer -> {
            deleteUser("u-1");
            template(TransactionDefinition.PROPAGATION_REQUIRES_NEW).executeWithoutResult(inner -> rename("u-2", "Rob"));
            assertThat(delivered()).as("the inner transaction committed").containsExactly("user.renamed u-2");
            throw new IllegalStateException("outer fails");
        })).hasMessage("outer fails");

        assertThat(delivered()).containsExactly("user.renamed u-2");
        assertThat(runtime.metrics().droppedRollback()).isEqualTo(1);
    }

    @Test
    void anOuterCommitSendsOnlyWhatItsOwnScopeCaptured() {
        template(TransactionDefinition.PROPAGATION_REQUIRED).executeWithoutResult(outer -> {
            deleteUser("u-1");
            template(TransactionDefinition.PROPAGATION_REQUIRES_NEW).executeWithoutResult(inner -> {
                rename("u-2", "Rob");
                inner.setRollbackOnly();
            });
            rename("u-3", "Cyrus");
        });

        assertThat(delivered()).containsExactly("user.deleted u-1", "user.renamed u-3");
        assertThat(runtime.metrics().droppedRollback()).isEqualTo(1);
    }

    @Test
    void aRolledBackSavepointDropsWhatCameAfterIt() {
        template(TransactionDefinition.PROPAGATION_REQUIRED).executeWithoutResult(outer -> {
            deleteUser("u-1");
            template(TransactionDefinition.PROPAGATION_NESTED).executeWithoutResult(nested -> {
                rename("u-2", "Rob");
                nested.setRollbackOnly();
            });
            rename("u-3", "Cyrus");
        });

        assertThat(delivered()).containsExactly("user.deleted u-1", "user.renamed u-3");
        assertThat(runtime.metrics().droppedRollback()).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT name FROM users WHERE id = 'u-2'", String.class)).isEqualTo("Bob");
    }

    @Test
    void anImmediateEventIsSentWhateverBecomesOfTheTransaction() {
        template(TransactionDefinition.PROPAGATION_REQUIRED).executeWithoutResult(status -> {
            attempt("u-1");
            status.setRollbackOnly();
        });

        assertThat(delivered()).containsExactly("auth.attempted u-1");
        assertThat(runtime.metrics().heldForCommit()).isZero();
    }

    @Test
    void withoutATransactionTheEventIsSentAtOnce() {
        deleteUser("u-1");

        assertThat(delivered()).containsExactly("user.deleted u-1");
        assertThat(runtime.metrics().heldForCommit()).isZero();
    }

    @Test
    void aTransactionHoldsAtMostMaxEventsAndCountsTheRest() {
        template(TransactionDefinition.PROPAGATION_REQUIRED).executeWithoutResult(status -> {
            for (int i = 0; i < 5; i++) {
                rename("u-1", "Ada " + i);
            }
        });

        assertThat(delivered()).hasSize(3);
        assertThat(runtime.metrics().droppedByReason()).containsEntry(DropReason.TRANSACTION_FULL, 2L);
    }

    @Test
    void aNewTransactionOnTheSameThreadStartsEmpty() {
        template(TransactionDefinition.PROPAGATION_REQUIRED).executeWithoutResult(status -> {
            deleteUser("u-1");
            status.setRollbackOnly();
        });
        template(TransactionDefinition.PROPAGATION_REQUIRED).executeWithoutResult(status -> rename("u-2", "Rob"));

        assertThat(delivered()).containsExactly("user.renamed u-2");
    }

    // ---------------------------------------------------------------- the annotated methods, called as a weaver would

    private void deleteUser(String userId) {
        capture("deleteUser", userId, jdbc.update("DELETE FROM users WHERE id = ?", userId));
    }

    private void rename(String userId, String name) {
        capture("rename", userId, jdbc.update("UPDATE users SET name = ? WHERE id = ?", name, userId));
    }

    private void attempt(String userId) {
        capture("attempt", userId, 1);
    }

    private static void capture(String name, String userId, int rows) {
        Capture.afterReturn(PlanCache.forMethod(method(name)), new Object[] {userId}, rows);
    }

    private TransactionTemplate template(int propagation) {
        TransactionTemplate template = new TransactionTemplate(transactions);
        template.setPropagationBehavior(propagation);
        return template;
    }

    private List<String> delivered() {
        assertThat(runtime.flush(Duration.ofSeconds(10))).isTrue();
        return sink.events().stream().map(SpringTransactionsTest::describe).toList();
    }

    private static String describe(Event event) {
        return event.type() + " " + event.data().get("kilo_user_id");
    }

    private static Method method(String name) {
        for (Method method : Fixtures.class.getDeclaredMethods()) {
            if (method.getName().equals(name)) {
                return method;
            }
        }
        throw new IllegalArgumentException(name);
    }

    static final class Fixtures {
        @EmitsAbuseEvent(type = "user.deleted", when = "RETURNED_ROWS > 0",
                data = @Field(name = "kilo_user_id", value = "userId"))
        int deleteUser(String userId) {
            return 1;
        }

        @EmitsAbuseEvent(type = "user.renamed", when = "RETURNED_ROWS > 0",
                data = @Field(name = "kilo_user_id", value = "userId"))
        int rename(String userId) {
            return 1;
        }

        @EmitsAbuseEvent(type = "auth.attempted", phase = Phase.IMMEDIATE,
                data = @Field(name = "kilo_user_id", value = "userId"))
        int attempt(String userId) {
            return 1;
        }
    }

    /** Connections whose commit fails, as a deferred constraint or a lost connection makes it fail. */
    private static final class FailingCommits extends DelegatingDataSource {
        FailingCommits(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            Connection real = super.getConnection();
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                        if (method.getName().equals("commit")) {
                            throw new SQLException("deferred constraint violated at commit", "23503");
                        }
                        try {
                            return method.invoke(real, args);
                        } catch (java.lang.reflect.InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }
    }
}
