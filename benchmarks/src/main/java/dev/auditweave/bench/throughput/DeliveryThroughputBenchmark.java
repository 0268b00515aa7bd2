package dev.auditweave.bench.throughput;

import dev.auditweave.bench.handwritten.HandWrittenEmitter;
import dev.auditweave.bench.handwritten.HandWrittenUserService;
import dev.auditweave.bench.support.LoopbackCounter;
import dev.auditweave.bench.support.Runtimes;
import dev.auditweave.bench.woven.WovenUserService;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
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
 * Events per second delivered end to end to an HTTP receiver on loopback: {@code threads} caller threads call
 * an annotated method whose guard is true, and one operation ends only when the receiver has counted every
 * event of it. auditweave (compile-time woven, http sink, batches of 500, batch delay 10 ms, a queue large
 * enough that nothing is dropped) against the hand-written emitter (one {@code runAsync} and one POST per
 * event). The receiver, the callers and the sender share the machine's cores. Events the sender gave up (a
 * failed hand-written POST, an auditweave drop or failure) end the wait too and are printed at the end of the
 * trial: the score counts events handled, the log says how many were lost.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar quick DeliveryThroughput} from the repository root.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class DeliveryThroughputBenchmark {

    static final int AUDITWEAVE_EVENTS = 50_000;
    static final int HAND_WRITTEN_EVENTS = 2_000;
    static final int BATCH = 500;

    @Param({"1", "2", "8"})
    public int threads;

    private LoopbackCounter receiver;
    private ExecutorService callers;
    private WovenUserService woven;
    private HandWrittenUserService handWritten;
    private HandWrittenEmitter emitter;

    @Setup(Level.Trial)
    public void setUp() {
        receiver = new LoopbackCounter();
        Runtimes.http(receiver.url(), BATCH, 1 << 20);
        callers = Executors.newFixedThreadPool(threads);
        woven = new WovenUserService();
        woven.setRows(1);
        emitter = new HandWrittenEmitter(receiver.url());
        handWritten = new HandWrittenUserService(emitter);
        handWritten.setRows(1);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        System.out.println();
        System.out.println(Runtimes.describe() + "; receiver: " + receiver.events() + " events in "
                + receiver.requests() + " requests; hand-written POSTs failed (events lost): " + emitter.failures()
                + ", last failure: " + emitter.lastFailure());
        callers.shutdownNow();
        receiver.close();
    }

    @Benchmark
    @OperationsPerInvocation(AUDITWEAVE_EVENTS)
    public void auditweave() throws InterruptedException {
        deliver(AUDITWEAVE_EVENTS, () -> woven.blockUser("u-1", "spam"));
    }

    @Benchmark
    @OperationsPerInvocation(HAND_WRITTEN_EVENTS)
    public void handWritten() throws InterruptedException {
        deliver(HAND_WRITTEN_EVENTS, () -> handWritten.blockUser("u-1", "spam"));
    }

    private void deliver(int events, IntSupplier call) throws InterruptedException {
        long target = receiver.events() + emitter.failures() + Runtimes.metrics().dropped()
                + Runtimes.metrics().failed() + events;
        CountDownLatch done = new CountDownLatch(threads);
        int each = events / threads;
        for (int t = 0; t < threads; t++) {
            int calls = t == 0 ? events - each * (threads - 1) : each;
            callers.execute(() -> {
                for (int i = 0; i < calls; i++) {
                    call.getAsInt();
                }
                done.countDown();
            });
        }
        done.await();
        if (!receiver.awaitEvents(target,
                () -> emitter.failures() + Runtimes.metrics().dropped() + Runtimes.metrics().failed(), 120_000)) {
            throw new IllegalStateException("receiver got " + receiver.events() + " of " + target + "; "
                    + Runtimes.describe());
        }
    }
}
