package dev.auditweave.agent.internal.sink.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditweave.agent.internal.config.Settings;
import dev.auditweave.agent.internal.event.Event;
import dev.auditweave.agent.internal.runtime.AuditweaveRuntime;
import dev.auditweave.agent.metrics.AuditweaveMetrics;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.h2.tools.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jdbc sink inside the runtime: while the database is down its batches are retried and spooled, and once it is
 * back every event is one row; nothing is lost or written twice.
 */
class JdbcDeliveryTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int EVENTS = 20;

    @AfterEach
    void stop() {
        AuditweaveRuntime.replace(Settings.defaults().with(Map.of("auditweave.sink", "none")), List.of());
    }

    @Test
    void eventsCapturedWhileTheDatabaseIsDown_areRowsOnceItIsBack(@TempDir Path directory) throws Exception {
        int port = freePort();
        Path data = Files.createDirectories(directory.resolve("db"));
        String url = "jdbc:h2:tcp://127.0.0.1:" + port + "/audit";
        Server server = tcpServer(port, data).start();
        H2Audit db = H2Audit.at(url);
        db.execute(H2Audit.ddl("audit_log", 200));
        server.stop();
        AuditweaveRuntime runtime = AuditweaveRuntime.replace(Settings.defaults().with(Map.of(
                "auditweave.sinks", "audit",
                "auditweave.sink.audit.type", "jdbc",
                "auditweave.sink.audit.url", url,
                "auditweave.sink.audit.batch.max-events", "5",
                "auditweave.sink.audit.retry.max-attempts", "2",
                "auditweave.sink.audit.retry.initial-backoff-ms", "10",
                "auditweave.sink.audit.retry.max-backoff-ms", "50",
                "auditweave.spool.dir", directory.resolve("spool").toString())));

        for (int i = 0; i < EVENTS; i++) {
            runtime.accept(new Event(String.format("e%02d", i), "user.blocked", 1_716_000_000_000L + i,
                    Map.of("kilo_user_id", "u-" + i)));
        }
        await(() -> runtime.metrics("audit").spooled() > 0);
        Server again = tcpServer(port, data).start();
        try {
            await(() -> runtime.metrics("audit").delivered() == EVENTS);

            AuditweaveMetrics audit = runtime.metrics("audit");
            assertThat(audit.replayed()).as("spooled while down, replayed once it was back").isPositive();
            assertThat(audit.dropped()).isZero();
            assertThat(audit.failed()).isZero();
            assertThat(db.rows()).hasSize(EVENTS).extracting(row -> row.split("\\|")[0]).doesNotHaveDuplicates();
        } finally {
            stop();
            again.stop();
        }
    }

    private static Server tcpServer(int port, Path directory) throws java.sql.SQLException {
        return Server.createTcpServer("-tcpPort", String.valueOf(port), "-baseDir", directory.toString(),
                "-ifNotExists");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within " + WAIT).isLessThan(deadline);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
    }
}
