package dev.auditweave.bench.tx;

import dev.auditweave.agent.Auditweave;
import dev.auditweave.agent.AuditweaveTransaction;
import dev.auditweave.bench.support.DiscardSink;
import dev.auditweave.bench.support.Runtimes;
import dev.auditweave.bench.targets.PlainUserService;
import dev.auditweave.bench.woven.WovenUserService;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the after-commit path costs the calling thread: an annotated call whose event fires
 * ({@code RETURNED_ROWS > 0}, woven by ajc) inside a Spring transaction, where the event is held and handed to the
 * queue by the commit, against the same transaction around the un-instrumented method. The transaction manager has
 * no resource ({@link NoResourceTransactionManager}), so the difference is auditweave's: finding the transaction,
 * binding one holder and one synchronisation to it, and releasing on commit. {@code noTransaction_aspectj} is the
 * same event sent at once, {@code hook_aspectj} a scope of {@code Auditweave.beginTransaction()}, and
 * {@code tenEventsPerTransaction_*} shows what each further event of a transaction adds.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar quick AfterCommit} from the repository root.
 */
@State(Scope.Thread)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@BenchmarkMode(Mode.AverageTime)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class AfterCommitBenchmark {

    public String userId = "u-1";
    public String reason = "spam";

    private PlainUserService plain;
    private WovenUserService woven;
    private TransactionTemplate transaction;
    private DiscardSink sink;

    @Setup(Level.Trial)
    public void setUp() {
        sink = Runtimes.discarding();
        plain = new PlainUserService();
        plain.setRows(1);
        woven = new WovenUserService();
        woven.setRows(1);
        transaction = new TransactionTemplate(new NoResourceTransactionManager());
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        System.out.println();
        System.out.println(Runtimes.describe() + ", discarded by the sink " + sink.events());
    }

    @Benchmark
    public Integer transaction_baseline() {
        return transaction.execute(status -> plain.blockUser(userId, reason));
    }

    @Benchmark
    public Integer transaction_aspectj() {
        return transaction.execute(status -> woven.blockUser(userId, reason));
    }

    @Benchmark
    public int noTransaction_aspectj() {
        return woven.blockUser(userId, reason);
    }

    @Benchmark
    public int hook_aspectj() {
        try (AuditweaveTransaction events = Auditweave.beginTransaction()) {
            int rows = woven.blockUser(userId, reason);
            events.commit();
            return rows;
        }
    }

    @Benchmark
    public Integer tenEventsPerTransaction_baseline() {
        return transaction.execute(status -> {
            int rows = 0;
            for (int i = 0; i < 10; i++) {
                rows += plain.blockUser(userId, reason);
            }
            return rows;
        });
    }

    @Benchmark
    public Integer tenEventsPerTransaction_aspectj() {
        return transaction.execute(status -> {
            int rows = 0;
            for (int i = 0; i < 10; i++) {
                rows += woven.blockUser(userId, reason);
            }
            return rows;
        });
    }
}
