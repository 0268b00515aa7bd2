package dev.auditweave.agent.internal.sink.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/** Opens a new connection to the audit database; the jdbc sink asks again after every failure. */
@FunctionalInterface
interface Connector {

    /**
     * A new connection, which the caller closes.
     *
     * @throws SQLException when the database cannot be reached or no driver accepts the URL (retried later)
     */
    Connection connect() throws SQLException;
}
