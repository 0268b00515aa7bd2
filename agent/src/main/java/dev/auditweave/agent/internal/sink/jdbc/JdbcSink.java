package dev.auditweave.agent.internal.sink.jdbc;

import dev.auditweave.agent.spi.SendResult;
import dev.auditweave.agent.spi.Sink;
import dev.auditweave.agent.spi.SinkContext;
import dev.auditweave.agent.spi.SinkEvent;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes each batch as rows of the audit table, in one transaction: one idempotent insert per event
 * ({@link Dialect}), sent with {@code addBatch}/{@code executeBatch}, then a commit. An event already in the table
 * (a redelivery) stays one row.
 *
 * <ul>
 *   <li>A batch that fails on a data error ({@link SqlErrors#isDataError}: a value too long, a constraint) is rolled
 *       back and written again one event at a time: the good events are committed, the bad ones are poison
 *       ({@link SendResult#partial}), dead-lettered with a spool.</li>
 *   <li>Any other failure (no connection, no driver, the server going down, a missing table) closes the connection
 *       and asks for a retry: the worker's backoff and the spool keep the batch, and the next attempt connects
 *       anew. Nothing is lost, and the rows already committed of a batch tried again stay one row each.</li>
 * </ul>
 *
 * <p>The connection is opened by the first batch, not at start-up, so that neither a database that is down nor a
 * driver the agent can see only later (a fat jar's) keeps the application from starting. Runs on the sink's worker
 * thread only, one call at a time.
 */
final class JdbcSink implements Sink {

    private final JdbcSettings settings;
    private final Connector connector;
    private final SinkContext context;
    private final EventRows rows;
    private Connection connection;
    private PreparedStatement insert;
    private boolean announced;

    JdbcSink(JdbcSettings settings, Connector connector, SinkContext context) {
        this.settings = settings;
        this.connector = connector;
        this.context = context;
        this.rows = new EventRows(settings.actorFields());
    }

    @Override
    public SendResult send(List<? extends SinkEvent> batch) {
        List<EventRows.Row> prepared = rows.of(batch);
        try {
            PreparedStatement statement = statement();
            for (EventRows.Row row : prepared) {
                row.bind(statement);
                statement.addBatch();
            }
            statement.executeBatch();
            connection.commit();
            return SendResult.delivered();
        } catch (SQLException e) {
            if (connection != null && SqlErrors.isDataError(e) && rollback()) {
                return oneByOne(batch, prepared);
            }
            return failed(e);
        } catch (RuntimeException e) {
            // A driver's own bug: the transaction's state is unknown, so the next batch starts on a new connection;
            // the batch counts as rejected, as for every sink that throws.
            disconnect();
            throw e;
        }
    }

    @Override
    public void close() {
        disconnect();
    }

    /** After a data error: each event in a transaction of its own, the refused ones poison. */
    private SendResult oneByOne(List<? extends SinkEvent> batch, List<EventRows.Row> prepared) {
        List<SendResult.Poison> poisoned = new ArrayList<>();
        for (int i = 0; i < prepared.size(); i++) {
            try {
                prepared.get(i).bind(insert);
                insert.executeUpdate();
                connection.commit();
            } catch (SQLException e) {
                if (!SqlErrors.isDataError(e) || !rollback()) {
                    return failed(e);
                }
                poisoned.add(new SendResult.Poison(batch.get(i), "refused by the database: "
                        + SqlErrors.describe(e)));
            }
        }
        return poisoned.isEmpty() ? SendResult.delivered()
                : SendResult.partial(batch.size() - poisoned.size(), poisoned);
    }

    private SendResult failed(SQLException e) {
        disconnect();
        String reason = "cannot write to " + settings.table() + " (" + settings.subprotocol() + "...): "
                + SqlErrors.describe(e);
        context.warn(reason, null);
        return SendResult.retry(reason);
    }

    /** The prepared insert, on a connection opened now when there is none. */
    private PreparedStatement statement() throws SQLException {
        if (insert != null) {
            insert.clearBatch();
            return insert;
        }
        Connection opened = connector.connect();
        try {
            opened.setAutoCommit(false);
            DatabaseMetaData database = opened.getMetaData();
            Dialect dialect = dialect(database.getDatabaseProductName());
            PreparedStatement statement = opened.prepareStatement(dialect.insert(settings.table()));
            statement.setQueryTimeout(settings.queryTimeoutSeconds());
            if (!announced) {
                announced = true;
                context.info("writing to table " + settings.table() + " of " + database.getDatabaseProductName()
                        + " " + database.getDatabaseProductVersion() + " (dialect " + dialect.configName() + ")");
            }
            connection = opened;
            insert = statement;
            return statement;
        } catch (SQLException | RuntimeException e) {
            closeQuietly(opened);
            throw e;
        }
    }

    private Dialect dialect(String productName) throws SQLException {
        if (settings.dialect().isPresent()) {
            return settings.dialect().get();
        }
        return Dialect.ofProduct(productName).orElseThrow(() -> new SQLException("the database is " + productName
                + ", for which there is no dialect: set " + context.key("dialect") + " to postgresql or h2 if it"
                + " speaks the SQL of one of them", "0A000"));
    }

    /** Whether the transaction could be rolled back, so that the connection is usable again. */
    private boolean rollback() {
        try {
            connection.rollback();
            insert.clearBatch();
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private void disconnect() {
        Connection open = connection;
        connection = null;
        insert = null;
        if (open != null) {
            closeQuietly(open);
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException | RuntimeException e) {
            // Closing a broken connection fails as often as not; the next batch opens a new one.
        }
    }
}
