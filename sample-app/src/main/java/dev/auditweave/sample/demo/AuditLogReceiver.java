package dev.auditweave.sample.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A stand-in for the audit log that a lifecycle-email forwarder reads (field notes §2), on loopback only:
 * {@code POST /api/audit-log} with the {@code {"events":[...]}} envelope stores each event as one row of its
 * {@code audit_log} table, in an embedded H2 database of its own, and drops an event whose id it already holds.
 * A batch is stored whole or not at all: when the table cannot be written (it was dropped), the receiver answers
 * 500 and counts the failure, and auditweave retries the batch, on the audit sink only.
 */
public final class AuditLogReceiver implements AutoCloseable {

    public static final String EVENTS_PATH = "/api/audit-log";
    public static final String TABLE = "audit_log";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final String jdbcUrl;
    private final Connection keepAlive;

    private final List<ReceivedEvent> duplicates = new ArrayList<>();
    private int batches;
    private int failures;

    private AuditLogReceiver(HttpServer server, String jdbcUrl, Connection keepAlive) {
        this.server = server;
        this.jdbcUrl = jdbcUrl;
        this.keepAlive = keepAlive;
    }

    /** Starts a receiver on 127.0.0.1, on a free port, with an empty audit table. */
    public static AuditLogReceiver start() throws IOException {
        String jdbcUrl = "jdbc:h2:mem:audit-log-" + UUID.randomUUID();
        Connection keepAlive;
        try {
            keepAlive = DriverManager.getConnection(jdbcUrl, "sa", "");
            try (Statement statement = keepAlive.createStatement()) {
                statement.execute("CREATE TABLE " + TABLE + " (seq BIGINT AUTO_INCREMENT PRIMARY KEY, "
                        + "id VARCHAR(64), type VARCHAR(128), occurred_at BIGINT, data VARCHAR(100000))");
            }
        } catch (SQLException e) {
            throw new IOException("cannot create the audit table", e);
        }
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        AuditLogReceiver receiver = new AuditLogReceiver(server, jdbcUrl, keepAlive);
        server.createContext(EVENTS_PATH, receiver::handle);
        server.start();
        return receiver;
    }

    /** {@code http://127.0.0.1:<port>/api/audit-log}. */
    public URI eventsUrl() {
        InetSocketAddress address = server.getAddress();
        return URI.create("http://" + address.getAddress().getHostAddress() + ":" + address.getPort() + EVENTS_PATH);
    }

    /** The JDBC URL of its database, where the table {@value #TABLE} lives. */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    /** The batches answered 500 because the audit table could not be written. */
    public synchronized int failures() {
        return failures;
    }

    /** What the audit table holds, with the duplicates dropped so far; then empties both, for the next run. */
    public synchronized Received takeAll() {
        List<ReceivedEvent> events = new ArrayList<>();
        try (Statement statement = keepAlive.createStatement();
             ResultSet rows = statement.executeQuery("SELECT id, type, occurred_at, data FROM " + TABLE
                     + " ORDER BY seq")) {
            while (rows.next()) {
                long occurredAt = rows.getLong(3);
                events.add(new ReceivedEvent(rows.getString(1), rows.getString(2),
                        rows.wasNull() ? null : occurredAt, JSON.readTree(rows.getString(4))));
            }
            statement.execute("DELETE FROM " + TABLE);
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("cannot read the audit table", e);
        }
        Received received = new Received(events, duplicates, batches, 0);
        duplicates.clear();
        batches = 0;
        failures = 0;
        return received;
    }

    @Override
    public void close() {
        server.stop(0);
        try {
            keepAlive.close();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot close the audit database", e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            if (!"POST".equals(exchange.getRequestMethod())) {
                Envelopes.respond(exchange, 405, "{\"error\":\"POST only\"}");
                return;
            }
            JsonNode batch;
            try (InputStream in = exchange.getRequestBody()) {
                batch = Envelopes.events(JSON.readTree(in));
            } catch (IOException e) {
                batch = null;
            }
            if (batch == null) {
                Envelopes.respond(exchange, 400, "{\"error\":\"expected {\\\"events\\\": [...]}\"}");
                return;
            }
            try {
                int dropped = store(batch);
                Envelopes.respond(exchange, 200,
                        "{\"stored\":" + (batch.size() - dropped) + ",\"duplicates\":" + dropped + "}");
            } catch (SQLException e) {
                synchronized (this) {
                    failures++;
                }
                Envelopes.respond(exchange, 500, JSON.createObjectNode().put("error", e.getMessage()).toString());
            }
        } finally {
            exchange.close();
        }
    }

    /** Stores the batch in one transaction; returns how many of its events were duplicates. */
    private synchronized int store(JsonNode batch) throws SQLException {
        List<ReceivedEvent> dropped = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "sa", "")) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + TABLE
                    + "(id, type, occurred_at, data) SELECT ?, ?, ?, ? "
                    + "WHERE NOT EXISTS (SELECT 1 FROM " + TABLE + " WHERE id = ?)")) {
                for (JsonNode node : batch) {
                    ReceivedEvent event = Envelopes.toEvent(node);
                    insert.setString(1, event.id());
                    insert.setString(2, event.type());
                    insert.setObject(3, event.occurredAt());
                    insert.setString(4, event.data().toString());
                    insert.setString(5, event.id());
                    if (insert.executeUpdate() == 0) {
                        dropped.add(event);
                    }
                }
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        }
        batches++;
        duplicates.addAll(dropped);
        return dropped.size();
    }
}
