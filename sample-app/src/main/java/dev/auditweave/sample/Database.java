package dev.auditweave.sample;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * An embedded in-memory H2 database: nothing to install. Each operation takes its own connection;
 * {@link #inTransaction} commits when the work returns and rolls back when it throws.
 */
public final class Database {

    private static final String SCHEMA = """
            CREATE TABLE users (
                id VARCHAR(64) PRIMARY KEY,
                email VARCHAR(255) NOT NULL UNIQUE,
                blocked BOOLEAN DEFAULT FALSE NOT NULL,
                blocked_reason VARCHAR(255),
                onboarding_claimed_at TIMESTAMP
            );
            CREATE TABLE organizations (
                id VARCHAR(64) PRIMARY KEY,
                name VARCHAR(255) NOT NULL,
                owner_id VARCHAR(64) NOT NULL REFERENCES users(id),
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
                reason VARCHAR(64)
            );
            """;

    private final String url;

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

    /** Runs {@code work} in one transaction: commit on return, roll back on any exception (re-thrown). */
    public <T> T inTransaction(TransactionWork<T> work) throws SQLException {
        try (Connection connection = connection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    /** One statement in auto-commit mode: the number of rows it changed. */
    public int update(String sql, Object... parameters) throws SQLException {
        try (Connection connection = connection()) {
            return Jdbc.update(connection, sql, parameters);
        }
    }
}
