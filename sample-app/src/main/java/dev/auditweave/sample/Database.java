package dev.auditweave.sample;

import dev.auditweave.agent.Auditweave;
import dev.auditweave.agent.AuditweaveTransaction;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * An embedded in-memory H2 database: nothing to install. Each operation takes its own connection, unless a
 * transaction is open on the calling thread: then {@link #inTransaction} and {@link #update} join it, as
 * Spring's {@code REQUIRED} does. The outermost {@link #inTransaction} commits when the work returns and rolls
 * back when it throws, and tells auditweave so through {@link Auditweave#beginTransaction()}: the events of
 * annotated methods that returned inside it are sent after the JDBC commit, and dropped on a rollback.
 */
public final class Database {

    private static final String SCHEMA = """
            CREATE TABLE users (
                id VARCHAR(64) PRIMARY KEY,
                email VARCHAR(255) NOT NULL UNIQUE,
                blocked BOOLEAN DEFAULT FALSE NOT NULL,
                blocked_reason VARCHAR(255),
                onboarding_claimed_at TIMESTAMP,
                created_at_ms BIGINT,
                is_admin BOOLEAN DEFAULT FALSE NOT NULL,
                cohorts VARCHAR(255) DEFAULT '' NOT NULL
            );
            CREATE TABLE auth_providers (
                user_id VARCHAR(64) NOT NULL,
                provider VARCHAR(32) NOT NULL,
                PRIMARY KEY (user_id, provider)
            );
            -- no foreign key: a file stays downloadable when its owner is deleted
            CREATE TABLE files (
                id VARCHAR(64) PRIMARY KEY,
                owner_id VARCHAR(64) NOT NULL,
                name VARCHAR(255) NOT NULL
            );
            -- owner_id has no foreign key: UserService.deleteUser checks ownership itself, inside its transaction
            CREATE TABLE organizations (
                id VARCHAR(64) PRIMARY KEY,
                name VARCHAR(255) NOT NULL,
                owner_id VARCHAR(64) NOT NULL,
                plan VARCHAR(32) NOT NULL,
                has_sso BOOLEAN NOT NULL,
                in_free_trial BOOLEAN NOT NULL
            );
            CREATE TABLE memberships (
                organization_id VARCHAR(64) NOT NULL REFERENCES organizations(id),
                user_id VARCHAR(64) NOT NULL REFERENCES users(id),
                role VARCHAR(32) NOT NULL,
                PRIMARY KEY (organization_id, user_id)
            );
            CREATE TABLE invitations (
                id VARCHAR(64) PRIMARY KEY,
                organization_id VARCHAR(64) NOT NULL REFERENCES organizations(id),
                email VARCHAR(255) NOT NULL,
                role VARCHAR(32) NOT NULL
            );
            CREATE TABLE credit_purchases (
                id BIGINT AUTO_INCREMENT PRIMARY KEY,
                user_id VARCHAR(64) NOT NULL REFERENCES users(id),
                microdollars BIGINT NOT NULL
            );
            CREATE TABLE subscriptions (
                user_id VARCHAR(64) PRIMARY KEY REFERENCES users(id),
                tier VARCHAR(32) NOT NULL,
                status VARCHAR(32) NOT NULL
            );
            CREATE TABLE kilo_passes (
                user_id VARCHAR(64) PRIMARY KEY REFERENCES users(id),
                tier VARCHAR(32) NOT NULL,
                status VARCHAR(32) NOT NULL,
                streak_months INT NOT NULL
            );
            CREATE TABLE processed_webhooks (
                id VARCHAR(64) PRIMARY KEY,
                type VARCHAR(128) NOT NULL,
                deliveries INT NOT NULL
            );
            CREATE TABLE payment_methods (
                id VARCHAR(64) PRIMARY KEY,
                customer VARCHAR(64) NOT NULL
            );
            CREATE TABLE disputes (
                id VARCHAR(64) PRIMARY KEY,
                charge_id VARCHAR(64) NOT NULL,
                amount BIGINT NOT NULL,
                reason VARCHAR(64),
                status VARCHAR(32) NOT NULL
            );
            CREATE TABLE early_fraud_warnings (
                id VARCHAR(64) PRIMARY KEY,
                charge_id VARCHAR(64) NOT NULL,
                fraud_type VARCHAR(64)
            );
            CREATE TABLE payments (
                id VARCHAR(64) PRIMARY KEY,
                customer VARCHAR(64),
                amount BIGINT NOT NULL,
                status VARCHAR(32) NOT NULL,
                decline_code VARCHAR(64)
            );
            """;

    private final String url;
    private final ThreadLocal<Connection> transaction = new ThreadLocal<>();

    private Database(String url) {
        this.url = url;
    }

    /** A fresh, empty in-memory database named {@code name}, with the schema created. */
    public static Database inMemory(String name) {
        Database database = new Database("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        try (Connection connection = database.connection(); Statement statement = connection.createStatement()) {
            statement.execute(SCHEMA);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the schema", e);
        }
        return database;
    }

    /** A new connection in auto-commit mode; the caller closes it. */
    public Connection connection() throws SQLException {
        return DriverManager.getConnection(url, "sa", "");
    }

    /** Work on one connection inside a transaction. */
    @FunctionalInterface
    public interface TransactionWork<T> {
        T run(Connection connection) throws SQLException;
    }

    /**
     * Runs {@code work} in one transaction: commit on return, roll back on any exception (re-thrown). Inside a
     * transaction already open on this thread, {@code work} joins it: the outer one commits or rolls back both.
     */
    public <T> T inTransaction(TransactionWork<T> work) throws SQLException {
        Connection joined = transaction.get();
        if (joined != null) {
            return work.run(joined);
        }
        try (Connection connection = connection(); AuditweaveTransaction events = Auditweave.beginTransaction()) {
            connection.setAutoCommit(false);
            transaction.set(connection);
            try {
                T result = work.run(connection);
                connection.commit();
                events.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                transaction.remove();
            }
        }
    }

    /** One statement, in the transaction open on this thread or else in auto-commit mode: the rows it changed. */
    public int update(String sql, Object... parameters) throws SQLException {
        Connection joined = transaction.get();
        if (joined != null) {
            return Jdbc.update(joined, sql, parameters);
        }
        try (Connection connection = connection()) {
            return Jdbc.update(connection, sql, parameters);
        }
    }
}
