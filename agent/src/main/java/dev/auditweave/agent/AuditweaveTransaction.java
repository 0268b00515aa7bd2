package dev.auditweave.agent;

/**
 * A transaction of a home-grown transaction helper, made known to auditweave so that the events captured inside it
 * wait for its outcome, as they do inside a Spring or JTA transaction (which auditweave finds by itself). Opened
 * with {@link Auditweave#beginTransaction()} on the thread that runs the transaction.
 *
 * <pre>{@code
 * <T> T inTransaction(Function<Connection, T> work) throws SQLException {
 *     try (Connection connection = dataSource.getConnection();
 *          AuditweaveTransaction events = Auditweave.beginTransaction()) {
 *         connection.setAutoCommit(false);
 *         T result = work.apply(connection);
 *         connection.commit();
 *         events.commit();          // after the database commit succeeded: the events are sent
 *         return result;
 *     }                             // closed without commit(): the events are dropped (droppedRollback)
 * }
 * }</pre>
 *
 * <p>Each {@code beginTransaction()} opens a scope of its own, like Spring's {@code REQUIRES_NEW}: a scope opened
 * inside another holds only what is captured while it is the innermost, and sends it on its own commit, whatever
 * becomes of the outer one. A helper that joins an outer transaction should not open a second scope. Not
 * thread-safe: use it on the thread that opened it.
 */
public interface AuditweaveTransaction extends AutoCloseable {

    /** The transaction committed: sends the events it holds. Call it after the real commit returned. */
    void commit();

    /** The transaction rolled back: drops the events it holds, counted as {@code droppedRollback}. */
    void rollback();

    /** Ends the scope: a rollback unless {@link #commit()} or {@link #rollback()} was called. */
    @Override
    void close();
}
