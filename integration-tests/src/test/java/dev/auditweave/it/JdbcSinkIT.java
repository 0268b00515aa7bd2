package dev.auditweave.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditweave.agent.internal.config.Settings;
import dev.auditweave.agent.internal.event.Event;
import dev.auditweave.agent.internal.sink.Sinks;
import dev.auditweave.agent.spi.SendResult;
import dev.auditweave.agent.spi.Sink;
import dev.auditweave.it.fixtures.EventTypes;
import dev.auditweave.it.fixtures.sink.SinkScenario;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The built-in jdbc sink on a real PostgreSQL ({@link PostgresServer}, one server for the class, one database per
 * run), with the table of docs/delivery.md: under the {@code -javaagent} on Java 17 and 25, where the driver is in
 * the application's class path and not the agent's, and woven at build time, each in a child JVM running the
 * user-sink scenario; and in this JVM, the sink made from the configuration, for what PostgreSQL's own
 * {@code INSERT ... ON CONFLICT (id) DO NOTHING} must show: a redelivery is one row, a refused row is poison alone.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdbcSinkIT {

    /** The PostgreSQL DDL of docs/delivery.md. */
    static final String DDL = "CREATE TABLE audit_log (id VARCHAR(64) PRIMARY KEY, type VARCHAR(200) NOT NULL,"
            + " actor VARCHAR(320), data JSONB NOT NULL, occurred_at TIMESTAMPTZ NOT NULL)";

    private PostgresServer server;

    static Stream<Arguments> modes() {
        return Stream.of(
                Arguments.of("agent-17", (Supplier<ChildJvm>) ChildJvm::agentModeOnCurrentJava),
                Arguments.of("agent-25", (Supplier<ChildJvm>) ChildJvm::agentModeOnJava25),
                Arguments.of("woven", (Supplier<ChildJvm>) ChildJvm::compileTimeWoven));
    }

    @BeforeAll
    void startServer() {
        server = PostgresServer.startOrSkip();
    }

    @AfterAll
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modes")
    void everyEventIsOneRowOfAuditLog_theDriverComingFromTheApplicationsClassPath(String mode,
                                                                                 Supplier<ChildJvm> jvm)
            throws SQLException {
        ChildJvm child = jvm.get();
        String url = database("sink_" + mode.replace('-', '_'));

        ScenarioRun run = Scenarios.jdbcSink(child, url);

        assertThat(run.exitCode()).as(run.describe()).isEqualTo(0);
        assertThat(run.stepFailures()).as(run.describe()).isEmpty();
        for (int i = 1; i <= SinkScenario.CALLS; i++) {
            assertThat(run.check("sink-block-u-" + i)).as("the business result").isEqualTo("1");
        }
        assertThat(run.check("sink-flush")).as(run.describe()).isEqualTo("true");
        assertThat(run.check("sink-audit-delivered")).isEqualTo(String.valueOf(SinkScenario.CALLS));
        assertThat(run.check("sink-audit-failed")).isEqualTo("0");
        assertThat(rows(url)).as(run.describe()).containsExactly(
                EventTypes.USER_BLOCKED + "|null|u-1|spam|object",
                EventTypes.USER_BLOCKED + "|null|u-2|spam|object",
                EventTypes.USER_BLOCKED + "|null|u-3|spam|object");
        assertThat(ids(url)).doesNotHaveDuplicates().hasSize(SinkScenario.CALLS);
        assertThat(run.logRecords()).as(run.describe())
                .anyMatch(record -> record.contains("sink audit: writing to table audit_log of PostgreSQL 15"));
        assertThat(run.warningsOrErrorsMentioning("auditweave")).as(run.describe()).isEmpty();
    }

    @Test
    void inProcess_aRedeliveryIsOneRow_andARowPostgresRefusesIsPoisonAlone() throws SQLException {
        String url = database("in_process");
        Settings settings = Settings.defaults().with(Map.of("auditweave.sinks", "audit",
                "auditweave.sink.audit.type", "jdbc", "auditweave.sink.audit.url", url));
        Sink sink = Sinks.configured(settings).get(0).sink();
        long occurredAt = 1_716_000_000_123L;
        Event bad = new Event("e4", "t".repeat(250), occurredAt, Map.of("kilo_user_id", "u-4"));
        try {
            assertThat(sink.send(List.of(event("e1", occurredAt), event("e2", occurredAt))))
                    .isEqualTo(SendResult.delivered());
            assertThat(sink.send(List.of(event("e2", occurredAt), event("e3", occurredAt))))
                    .as("e2 again").isEqualTo(SendResult.delivered());

            SendResult withBadRow = sink.send(List.of(event("e5", occurredAt), bad, event("e6", occurredAt)));

            assertThat(withBadRow).isInstanceOfSatisfying(SendResult.Partial.class, partial -> {
                assertThat(partial.delivered()).isEqualTo(2);
                assertThat(partial.poisoned()).singleElement().satisfies(poison -> {
                    assertThat(poison.event()).isSameAs(bad);
                    assertThat(poison.reason()).startsWith("refused by the database: SQLState 22001: ");
                });
            });
        } finally {
            sink.close();
        }
        assertThat(ids(url)).containsExactly("e1", "e2", "e3", "e5", "e6");
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT occurred_at, data->>'kilo_user_id' FROM audit_log"
                     + " WHERE id = 'e1'")) {
            assertThat(result.next()).isTrue();
            assertThat(result.getObject(1, OffsetDateTime.class).toInstant().toEpochMilli()).isEqualTo(occurredAt);
            assertThat(result.getString(2)).isEqualTo("u-e1");
        }
    }

    private static Event event(String id, long occurredAt) {
        return new Event(id, EventTypes.USER_BLOCKED, occurredAt, Map.of("kilo_user_id", "u-" + id));
    }

    /** A new database with the audit table; its URL. */
    private String database(String name) throws SQLException {
        String url = server.createDatabase(name);
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement()) {
            statement.execute(DDL);
        }
        return url;
    }

    /** Each row as {@code type|actor|kilo_user_id|reason|jsonb_typeof(data)}, by user. */
    private static List<String> rows(String url) throws SQLException {
        return query(url, "SELECT type || '|' || COALESCE(actor, 'null') || '|' || (data->>'kilo_user_id') || '|'"
                + " || (data->>'reason') || '|' || jsonb_typeof(data) FROM audit_log ORDER BY data->>'kilo_user_id'");
    }

    private static List<String> ids(String url) throws SQLException {
        return query(url, "SELECT id FROM audit_log ORDER BY id");
    }

    private static List<String> query(String url, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                values.add(result.getString(1));
            }
        }
        return values;
    }
}
