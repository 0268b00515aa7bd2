package dev.auditweave.bench.throughput;

import dev.auditweave.agent.metrics.AuditweaveMetrics;
import dev.auditweave.bench.support.Runtimes;
import dev.auditweave.bench.woven.WovenUserService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Events per second written end to end by the jdbc sink: {@code threads} caller threads call the compile-time
 * woven method (guard true), and one operation ends only when the sink's ledger counts every event of it delivered,
 * i.e. committed as a row of {@code audit_log} (batches of 500, one transaction each, idempotent inserts).
 * {@code database}: {@code h2-mem} (in this JVM, in memory), {@code h2-file} (in this JVM, a file in a temporary
 * directory) or {@code postgresql} (the server of {@code -Djdbcbench.postgresql.url=jdbc:postgresql://...}, which
 * must exist; not run by default). The table is emptied before each iteration.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar quick JdbcSink} from the repository root; with
 * PostgreSQL: {@code java -Djdbcbench.postgresql.url=jdbc:postgresql://127.0.0.1:5432/bench?user=bench -jar
 * benchmarks/target/benchmarks.jar JdbcSinkBenchmark -p database=postgresql}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class JdbcSinkBenchmark {

    static final int EVENTS = 20_000;
    static final int BATCH = 500;
    static final String POSTGRESQL_URL = "jdbcbench.postgresql.url";

    @Param({"h2-mem", "h2-file"})
    public String database;

    @Param({"1", "8"})
    public int threads;

    private Path directory;
    private String url;
    private ExecutorService callers;
    private WovenUserService woven;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        url = switch (database) {
            case "h2-mem" -> "jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1";
            case "h2-file" -> {
                directory = Files.createTempDirectory("auditweave-jdbcbench-");
                yield "jdbc:h2:" + directory.resolve("audit").toAbsolutePath();
            }
            case "postgresql" -> {
                String configured = System.getProperty(POSTGRESQL_URL);
                if (configured == null || configured.isBlank()) {
                    throw new IllegalStateException("database=postgresql needs -D" + POSTGRESQL_URL
                            + "=jdbc:postgresql://host:port/db?user=...");
                }
                yield configured;
            }
            default -> throw new IllegalArgumentException("unknown database " + database);
        };
        execute(database.equals("postgresql")
                ? "CREATE TABLE IF NOT EXISTS audit_log (id VARCHAR(64) PRIMARY KEY, type VARCHAR(200) NOT NULL,"
                        + " actor VARCHAR(320), data JSONB NOT NULL, occurred_at TIMESTAMPTZ NOT NULL)"
                : "CREATE TABLE IF NOT EXISTS audit_log (id VARCHAR(64) PRIMARY KEY, type VARCHAR(200) NOT NULL,"
                        + " actor VARCHAR(320), data JSON NOT NULL, occurred_at TIMESTAMP WITH TIME ZONE NOT NULL)");
        Runtimes.jdbc(url, BATCH, 1 << 20);
        callers = Executors.newFixedThreadPool(threads);
        woven = new WovenUserService();
        woven.setRows(1);
    }

    @Setup(Level.Iteration)
    public void emptyTable() throws SQLException {
        execute("DELETE FROM audit_log");
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        System.out.println();
        System.out.println(Runtimes.describe());
        callers.shutdownNow();
        Runtimes.discarding();
        if (database.equals("postgresql")) {
            execute("DROP TABLE audit_log");
        } else {
            execute("DROP ALL OBJECTS" + (database.equals("h2-file") ? " DELETE FILES" : ""));
        }
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public void auditweave() throws InterruptedException {
        AuditweaveMetrics before = Runtimes.metrics();
        long target = before.delivered() + before.failed() + before.dropped() + before.deadLettered() + EVENTS;
        CountDownLatch done = new CountDownLatch(threads);
        int each = EVENTS / threads;
        for (int t = 0; t < threads; t++) {
            int calls = t == 0 ? EVENTS - each * (threads - 1) : each;
            callers.execute(() -> {
                for (int i = 0; i < calls; i++) {
                    woven.blockUser("u-1", "spam");
                }
                done.countDown();
            });
        }
        done.await();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (settled() < target) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("settled " + settled() + " of " + target + "; " + Runtimes.describe());
            }
            LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(200));
        }
    }

    private static long settled() {
        AuditweaveMetrics now = Runtimes.metrics();
        return now.delivered() + now.failed() + now.dropped() + now.deadLettered();
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
