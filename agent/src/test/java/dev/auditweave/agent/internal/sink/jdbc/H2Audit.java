package dev.auditweave.agent.internal.sink.jdbc;

import dev.auditweave.agent.internal.config.Settings;
import dev.auditweave.agent.internal.sink.ProviderContext;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An H2 audit database for one test, with the table of docs/delivery.md, and the sink contexts that point at it.
 *
 * <pre>{@code
 * H2Audit db = H2Audit.inMemory("send");   // jdbc:h2:mem:send;DB_CLOSE_DELAY=-1, table audit_log created
 * JdbcSink sink = db.sink(Map.of());
 * db.rows();                                // [id|type|actor|data|occurred_at, ...]
 * }</pre>
 */
final class H2Audit {

    /** The H2 DDL of docs/delivery.md, the type column as long as {@code typeLength}. */
    static String ddl(String table, int typeLength) {
        return "CREATE TABLE " + table + " (id VARCHAR(64) PRIMARY KEY, type VARCHAR(" + typeLength + ") NOT NULL,"
                + " actor VARCHAR(320), data JSON NOT NULL, occurred_at TIMESTAMP WITH TIME ZONE NOT NULL)";
    }

    final String url;

    private H2Audit(String url) {
        this.url = url;
    }

    /** A fresh in-memory database named {@code name} with the table {@code audit_log}. */
    static H2Audit inMemory(String name) throws SQLException {
        H2Audit db = new H2Audit("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        db.execute("DROP TABLE IF EXISTS audit_log");
        db.execute(ddl("audit_log", 200));
        return db;
    }

    /** A database at {@code url} (the caller creates its table). */
    static H2Audit at(String url) {
        return new H2Audit(url);
    }

    void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** Each row as {@code id|type|actor|data|occurred_at (epoch ms)}, ordered by id. */
    List<String> rows() throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT id, type, actor, data, occurred_at FROM audit_log"
                     + " ORDER BY id")) {
            while (result.next()) {
                rows.add(result.getString(1) + "|" + result.getString(2) + "|" + result.getString(3) + "|"
                        + result.getString(4) + "|"
                        + result.getObject(5, java.time.OffsetDateTime.class).toInstant().toEpochMilli());
            }
        }
        return rows;
    }

    /** How many rows the table holds. */
    int count() throws SQLException {
        return rows().size();
    }

    /** The context of a sink {@code audit} of type jdbc at this database, with {@code more} settings. */
    ProviderContext context(Map<String, String> more) {
        return context(url, more);
    }

    /** The context of a sink {@code audit} of type jdbc at {@code url}, with {@code more} settings. */
    static ProviderContext context(String url, Map<String, String> more) {
        Map<String, String> values = new HashMap<>(Map.of("auditweave.sinks", "audit",
                "auditweave.sink.audit.type", "jdbc", "auditweave.sink.audit.url", url));
        values.putAll(more);
        Settings settings = Settings.defaults().with(values);
        return new ProviderContext(settings.sinkSettings().get(0), settings.sinkOptions("audit"), true);
    }

    /** A jdbc sink at this database, made by its provider. */
    JdbcSink sink(Map<String, String> more) {
        return (JdbcSink) new JdbcSinkProvider(name -> null).create(context(more));
    }
}
