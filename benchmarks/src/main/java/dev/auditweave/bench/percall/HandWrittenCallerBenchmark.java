package dev.auditweave.bench.percall;

import dev.auditweave.bench.handwritten.HandWrittenEmitter;
import dev.auditweave.bench.handwritten.HandWrittenUserService;
import dev.auditweave.bench.support.LoopbackCounter;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
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
 * Guard-true cost on the calling thread of the hand-written emitter (one {@code CompletableFuture.runAsync}
 * and one POST per event, to a loopback receiver). Its queue (the common pool's) is unbounded and drains far
 * slower than callers fill it, so a time-based run would pile up millions of pending POSTs: each operation is a
 * batch of {@value #BATCH} calls, single-shot, and every iteration ends by waiting (untimed) until the receiver
 * got them all. The score is the average time per call within a batch.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar quick HandWrittenCaller} from the repository root.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 60)
@Measurement(iterations = 100)
public class HandWrittenCallerBenchmark {

    static final int BATCH = 100;

    /**
     * {@code runAsync}: {@code CompletableFuture.runAsync(task)} as written in the field notes, which on two cores
     * (common pool parallelism 1) starts a thread per task; {@code commonPool}: the same with the common pool
     * passed explicitly, as on a machine with more cores.
     */
    @Param({"runAsync", "commonPool"})
    public String executor;

    public String userId = "u-1";
    public String reason = "spam";

    private LoopbackCounter receiver;
    private HandWrittenUserService service;
    private HandWrittenEmitter emitter;
    private long sent;

    @Setup(Level.Trial)
    public void setUp() {
        receiver = new LoopbackCounter();
        emitter = new HandWrittenEmitter(receiver.url(),
                executor.equals("commonPool") ? ForkJoinPool.commonPool() : null);
        service = new HandWrittenUserService(emitter);
        service.setRows(1);
    }

    @TearDown(Level.Iteration)
    public void drain() throws InterruptedException {
        if (!receiver.awaitEvents(sent, emitter::failures, 60_000)) {
            throw new IllegalStateException("the receiver got " + receiver.events() + " of " + sent + " events");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        System.out.println();
        System.out.println("hand-written: " + receiver.events() + " events received, " + emitter.failures()
                + " POSTs failed, last failure: " + emitter.lastFailure());
        receiver.close();
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int guardTrue_handWritten() {
        int rows = 0;
        for (int i = 0; i < BATCH; i++) {
            rows += service.blockUser(userId, reason);
        }
        sent += BATCH;
        return rows;
    }
}
