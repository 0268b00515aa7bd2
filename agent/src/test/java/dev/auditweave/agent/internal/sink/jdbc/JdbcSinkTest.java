package dev.auditweave.agent.internal.sink.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditweave.agent.internal.event.Event;
import dev.auditweave.agent.spi.SendResult;
import dev.auditweave.agent.spi.SinkEvent;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.h2.tools.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/** The jdbc sink on H2: rows, idempotent inserts, batches, and what each kind of failure becomes. */
class JdbcSinkTest {

    private static final long OCCURRED_AT = 1_716_000_000_123L;

    private static Event event(String id, String type, Map<String, Object> data) {
        return new Event(id, type, OCCURRED_AT, data);
    }

    private static Event blocked(String id) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("kilo_user_id", "u-" + id);
        data.put("reason", "spam");
        return event(id, "user.blocked", data);
    }

    private static H2Audit database(TestInfo test) throws SQLException {
        return H2Audit.inMemory(test.getTestMethod().orElseThrow().getName());
    }

    // ---- rows ----

    @Test
    void send_writesOneRowPerEvent_withIdTypeActorDataAndTime(TestInfo test) throws SQLException {
        H2Audit db = database(test);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("kilo_user_id", "u-1");
        data.put("actor_email", "ada@example.com");
        data.put("amounts", List.of(1, 2.5));
        JdbcSink sink = db.sink(Map.of());

        SendResult result = sink.send(List.of(event("e1", "user.blocked", data)));

        assertThat(result).isEqualTo(SendResult.delivered());
        assertThat(db.rows()).containsExactly("e1|user.blocked|ada@example.com|{\"kilo_user_id\":\"u-1\","
                + "\"actor_email\":\"ada@example.com\",\"amounts\":[1,2.5]}|" + OCCURRED_AT);
        sink.close();
    }

    @Test
    void actor_isTheFirstActorFieldWithAValue_elseNull(TestInfo test) throws SQLException {
        H2Audit db = database(test);
        Map<String, Object> system = new LinkedHashMap<>();
        system.put("actor", null);
        system.put("actor_label", "Admin API");
        JdbcSink sink = db.sink(Map.of("auditweave.sink.audit.actor-fields", "actor, actor_label"));

        sink.send(List.of(event("e1", "user.blocked", Map.of("actor", "ada@example.com", "actor_label", "Ada")),
                event("e2", "user.blocked", system), event("e3", "user.blocked", Map.of("kilo_user_id", "u-3"))));

        assertThat(db.rows()).extracting(row -> row.split("\\|")[2])
                .containsExactly("ada@example.com", "Admin API", "null");
        sink.close();
    }

    // ---- idempotent, batched ----

    @Test
    void theSameEventSentTwice_isOneRow(TestInfo test) throws SQLException {
        H2Audit db = database(test);
        JdbcSink sink = db.sink(Map.of());

        assertThat(sink.send(List.of(blocked("e1"), blocked("e2")))).isEqualTo(SendResult.delivered());
        assertThat(sink.send(List.of(blocked("e2"), blocked("e3")))).isEqualTo(SendResult.delivered());
        assertThat(sink.send(List.of(blocked("e3"), blocked("e3")))).as("twice in one batch")
                .isEqualTo(SendResult.delivered());

        assertThat(db.rows()).extracting(row -> row.split("\\|")[0]).containsExactly("e1", "e2", "e3");
        sink.close();
    }

    @Test
    void aRedeliveryFromAnotherSinkInstance_keepsTheFirstRow(TestInfo test) throws SQLException {
        H2Audit db = database(test);
        JdbcSink first = db.sink(Map.of());
        first.send(List.of(event("e1", "user.blocked", Map.of("reason", "first"))));
        first.close();
        JdbcSink second = db.sink(Map.of());

        assertThat(second.send(List.of(event("e1", "user.blocked", Map.of("reason", "again")))))
                .isEqualTo(SendResult.delivered());

        assertThat(db.rows()).singleElement().asString().contains("\"first\"");
        second.close();
    }

    @Test
    void aBatchOf500_isWrittenInFull(TestInfo test) throws SQLException {
        H2Audit db = database(test);
        List<Event> batch = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            batch.add(blocked(String.format("e%03d", i)));
        }
        JdbcSink sink = db.sink(Map.of());

        assertThat(sink.send(batch)).isEqualTo(SendResult.delivered());

        assertThat(db.count()).isEqualTo(500);
        sink.close();
    }

    @Test
    void anExplicitDialectAndSchemaQualifiedTable_areUsed(TestInfo test) throws SQLException {
        H2Audit db = database(test);
        db.execute("CREATE SCHEMA IF NOT EXISTS audit");
        db.execute(H2Audit.ddl("audit.events", 200));
        JdbcSink sink = db.sink(Map.of("auditweave.sink.audit.dialect", "h2",
                "auditweave.sink.audit.table", "audit.events"));

        assertThat(sink.send(List.of(blocked("e1")))).isEqualTo(SendResult.delivered());

        assertThat(db.count()).as("audit_log stays empty").isZero();
        sink.close();
    }

    // ---- a bad row ----

    @Test
    void aRowTheDatabaseRefuses_isPoisonForThatEventOnly(TestInfo test) throws SQLException {
        H2Audit db = database(test);
        db.execute("DROP TABLE audit_log");
        db.execute(H2Audit.ddl("audit_log", 20));
        Event bad = event("e2", "user.blocked.with-a-type-longer-than-twenty", Map.of("email", "ada@example.com"));
        JdbcSink sink = db.sink(Map.of());

        SendResult result = sink.send(List.of(blocked("e1"), bad, blocked("e3")));

        assertThat(result).isInstanceOfSatisfying(SendResult.Partial.class, partial -> {
            assertThat(partial.delivered()).isEqualTo(2);
            assertThat(partial.poisoned()).singleElement().satisfies(poison -> {
                assertThat(poison.event()).isSameAs(bad);
                assertThat(poison.reason()).startsWith("refused by the database: SQLState 22001: ")
                        .as("no value of the row").doesNotContain("longer-than-twenty", "ada@example.com");
            });
        });
        assertThat(db.rows()).extracting(row -> row.split("\\|")[0]).containsExactly("e1", "e3");
        assertThat(sink.send(List.of(blocked("e4")))).as("the connection is still good")
                .isEqualTo(SendResult.delivered());
        sink.close();
    }

    @Test
    void aBatchOfOnlyBadRows_isPoisonThroughout(TestInfo test) throws SQLException {
        H2Audit db = database(test);
        db.execute("DROP TABLE audit_log");
        db.execute(H2Audit.ddl("audit_log", 5));
        JdbcSink sink = db.sink(Map.of());
        List<Event> batch = List.of(blocked("e1"), blocked("e2"));

        SendResult result = sink.send(batch);

        assertThat(result).isInstanceOfSatisfying(SendResult.Partial.class, partial -> {
            assertThat(partial.delivered()).isZero();
            assertThat(partial.poisoned()).extracting(SendResult.Poison::event).map(SinkEvent::id)
                    .containsExactly("e1", "e2");
        });
        assertThat(db.count()).isZero();
        sink.close();
    }

    // ---- failures that may pass: retried ----

    @Test
    void aDatabaseThatIsDown_isRetry_andTheBatchIsWrittenOnceItIsBack(@TempDir Path directory) throws Exception {
        int port = freePort();
        String url = "jdbc:h2:tcp://127.0.0.1:" + port + "/audit";
        Server server = tcpServer(port, directory).start();
        H2Audit db = H2Audit.at(url);
        db.execute(H2Audit.ddl("audit_log", 200));
        JdbcSink sink = (JdbcSink) new JdbcSinkProvider(name -> null).create(H2Audit.context(url, Map.of()));
        assertThat(sink.send(List.of(blocked("e1")))).isEqualTo(SendResult.delivered());
        server.stop();

        SendResult down = sink.send(List.of(blocked("e2"), blocked("e3")));

        assertThat(down).isInstanceOfSatisfying(SendResult.Retry.class,
                retry -> assertThat(retry.reason()).startsWith("cannot write to audit_log (jdbc:h2:...): SQLState "));
        Server again = tcpServer(port, directory).start();
        try {
            assertThat(sink.send(List.of(blocked("e2"), blocked("e3")))).as("connected anew")
                    .isEqualTo(SendResult.delivered());
            assertThat(db.rows()).extracting(row -> row.split("\\|")[0]).containsExactly("e1", "e2", "e3");
        } finally {
            sink.close();
            again.stop();
        }
    }

    @Test
    void aMissingTable_isRetry_namingTheTable(TestInfo test) throws SQLException {
        H2Audit db = database(test);
        JdbcSink sink = db.sink(Map.of("auditweave.sink.audit.table", "no_such_table"));

        SendResult result = sink.send(List.of(blocked("e1")));

        assertThat(result).isInstanceOfSatisfying(SendResult.Retry.class, retry -> assertThat(retry.reason())
                .startsWith("cannot write to no_such_table (jdbc:h2:...): SQLState 42").containsIgnoringCase(
                        "NO_SUCH_TABLE"));
        db.execute(H2Audit.ddl("no_such_table", 200));
        assertThat(sink.send(List.of(blocked("e1")))).as("created in the meantime").isEqualTo(SendResult.delivered());
        sink.close();
    }

    @Test
    void noDriverForTheUrl_isRetry_sayingWhereToPutIt() {
        JdbcSink sink = (JdbcSink) new JdbcSinkProvider(name -> null).create(H2Audit.context(
                "jdbc:nosuchdb://h/db?password=hunter2", Map.of()));

        SendResult result = sink.send(List.of(blocked("e1")));

        assertThat(result).isInstanceOfSatisfying(SendResult.Retry.class, retry -> assertThat(retry.reason())
                .contains("no JDBC driver accepts the URL jdbc:nosuchdb:...")
                .contains("put the driver of the database on the class path of the application")
                .doesNotContain("hunter2"));
    }

    @Test
    void aWrongPassword_isRetry(TestInfo test) throws SQLException {
        String url = "jdbc:h2:mem:" + test.getTestMethod().orElseThrow().getName() + ";DB_CLOSE_DELAY=-1";
        try (java.sql.Connection owner = java.sql.DriverManager.getConnection(url, "sa", "right")) {
            owner.createStatement().execute(H2Audit.ddl("audit_log", 200));
            JdbcSink sink = (JdbcSink) new JdbcSinkProvider(name -> null).create(H2Audit.context(url, Map.of(
                    "auditweave.sink.audit.user", "sa", "auditweave.sink.audit.password", "wrong")));

            SendResult result = sink.send(List.of(blocked("e1")));

            assertThat(result).isInstanceOfSatisfying(SendResult.Retry.class,
                    retry -> assertThat(retry.reason()).contains("SQLState 28").doesNotContain("wrong"));
        }
    }

    @Test
    void thePasswordFromTheVariablePasswordEnvNames_isUsed(TestInfo test) throws SQLException {
        String url = "jdbc:h2:mem:" + test.getTestMethod().orElseThrow().getName() + ";DB_CLOSE_DELAY=-1";
        try (java.sql.Connection owner = java.sql.DriverManager.getConnection(url, "sa", "s3cret")) {
            owner.createStatement().execute(H2Audit.ddl("audit_log", 200));
            JdbcSink sink = (JdbcSink) new JdbcSinkProvider(name -> name.equals("AUDIT_DB_PASSWORD") ? "s3cret" : null)
                    .create(H2Audit.context(url, Map.of("auditweave.sink.audit.user", "sa",
                            "auditweave.sink.audit.password-env", "AUDIT_DB_PASSWORD")));

            assertThat(sink.send(List.of(blocked("e1")))).isEqualTo(SendResult.delivered());
            sink.close();
        }
    }

    @Test
    void aDriverThatThrowsARuntimeException_propagatesIt_andTheNextBatchConnectsAnew(TestInfo test)
            throws SQLException {
        H2Audit db = database(test);
        java.util.concurrent.atomic.AtomicInteger connects = new java.util.concurrent.atomic.AtomicInteger();
        Connector connector = () -> {
            java.sql.Connection real = java.sql.DriverManager.getConnection(db.url);
            return connects.incrementAndGet() == 1 ? failingExecuteBatch(real) : real;
        };
        JdbcSink sink = new JdbcSink(JdbcSettings.read(db.context(Map.of()), name -> null), connector,
                db.context(Map.of()));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> sink.send(List.of(blocked("e1"))))
                .isInstanceOf(IllegalStateException.class).hasMessage("driver bug");
        assertThat(sink.send(List.of(blocked("e1")))).isEqualTo(SendResult.delivered());

        assertThat(connects).hasValue(2);
        assertThat(db.count()).isEqualTo(1);
        sink.close();
    }

    /** {@code real}, whose prepared statements throw an IllegalStateException from executeBatch. */
    private static java.sql.Connection failingExecuteBatch(java.sql.Connection real) {
        return (java.sql.Connection) java.lang.reflect.Proxy.newProxyInstance(JdbcSinkTest.class.getClassLoader(),
                new Class<?>[] {java.sql.Connection.class}, (proxy, method, args) -> {
                    Object value = invoke(real, method, args);
                    if (!method.getName().equals("prepareStatement")) {
                        return value;
                    }
                    return java.lang.reflect.Proxy.newProxyInstance(JdbcSinkTest.class.getClassLoader(),
                            new Class<?>[] {java.sql.PreparedStatement.class}, (statement, call, callArgs) -> {
                                if (call.getName().equals("executeBatch")) {
                                    throw new IllegalStateException("driver bug");
                                }
                                return invoke(value, call, callArgs);
                            });
                });
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static Server tcpServer(int port, Path directory) throws SQLException {
        return Server.createTcpServer("-tcpPort", String.valueOf(port), "-baseDir", directory.toString(),
                "-ifNotExists");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
