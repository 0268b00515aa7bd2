package dev.auditweave.bench.percall;

import dev.auditweave.bench.handwritten.HandWrittenEmitter;
import dev.auditweave.bench.handwritten.HandWrittenUserService;
import dev.auditweave.bench.spring.SpringSetup;
import dev.auditweave.bench.spring.SpringUserService;
import dev.auditweave.bench.support.DiscardSink;
import dev.auditweave.bench.support.Runtimes;
import dev.auditweave.bench.targets.PlainUserService;
import dev.auditweave.bench.sited.PerSiteUserService;
import dev.auditweave.bench.woven.WovenUserService;
import java.net.URI;
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

/**
 * Per-call cost on the calling thread, in one JVM without any agent: the same method
 * {@code int blockUser(String userId, String reason)} un-instrumented (baseline), woven by AspectJ at compile
 * time with auditweave's aspect library or with the per-site aspect its processor writes ({@code when =
 * "RETURNED_ROWS > 0"}), behind a Spring AOP proxy with an
 * {@code @Around} aspect and a SpEL condition, and with hand-written emit code ({@code runAsync} + one POST per
 * event). The Byte Buddy agent is measured by {@link AgentPerCallBenchmark}, which needs its own JVM.
 *
 * <ul>
 *   <li>{@code guardFalse_*}: the method returns 0 rows, nothing fires. Average time; with {@code -prof gc}
 *       {@code gc.alloc.rate.norm} is the bytes allocated per call (goal: 0).</li>
 *   <li>{@code guardTrue_*}: the method returns 1 row, every call captures an event and offers it to the queue
 *       (a worker drains it to a discarding sink). Sample time: p50 / p99 per call.</li>
 * </ul>
 * The hand-written emitter's guard-true cost is {@link HandWrittenCallerBenchmark}: its per-event POSTs pile
 * up without bound, so it is measured in short batches that are drained between iterations.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar quick PerCall} from the repository root (the
 * quick/full profiles add {@code -prof gc}), or plain JMH:
 * {@code java -jar benchmarks/target/benchmarks.jar PerCallBenchmark -prof gc}.
 */
@State(Scope.Thread)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class PerCallBenchmark {

    public String userId = "u-1";
    public String reason = "spam";

    private PlainUserService plainFalse;
    private PlainUserService plainTrue;
    private WovenUserService wovenFalse;
    private WovenUserService wovenTrue;
    private PerSiteUserService perSiteFalse;
    private PerSiteUserService perSiteTrue;
    private SpringSetup springFalseContext;
    private SpringSetup springTrueContext;
    private SpringUserService springFalse;
    private SpringUserService springTrue;
    private HandWrittenUserService handWrittenFalse;
    private DiscardSink sink;

    @Setup(Level.Trial)
    public void setUp() {
        sink = Runtimes.discarding();
        plainFalse = new PlainUserService();
        plainTrue = new PlainUserService();
        plainTrue.setRows(1);
        wovenFalse = new WovenUserService();
        wovenTrue = new WovenUserService();
        wovenTrue.setRows(1);
        perSiteFalse = new PerSiteUserService();
        perSiteTrue = new PerSiteUserService();
        perSiteTrue.setRows(1);
        springFalseContext = new SpringSetup();
        springTrueContext = new SpringSetup();
        springFalse = springFalseContext.service();
        springTrue = springTrueContext.service();
        springTrue.setRows(1);
        handWrittenFalse = new HandWrittenUserService(
                new HandWrittenEmitter(URI.create("http://127.0.0.1:9/api/events")));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        System.out.println();
        System.out.println(Runtimes.describe() + ", discarded by the sink " + sink.events());
        springFalseContext.close();
        springTrueContext.close();
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    public int guardFalse_baseline() {
        return plainFalse.blockUser(userId, reason);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    public int guardFalse_aspectj() {
        return wovenFalse.blockUser(userId, reason);
    }

    /** A guard that also reads an argument ({@code reason != null && RETURNED_ROWS > 0}). */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    public int guardFalse_aspectjArgumentGuard() {
        return wovenFalse.unblockUser(userId, reason);
    }

    /** A guard that reads only an argument ({@code reason == 'fraud'}): decided in step one, with no arguments array. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    public int guardFalse_aspectjArgumentsOnly() {
        return wovenFalse.flagUser(userId, reason);
    }

    /**
     * The same three guards woven by the per-site aspect auditweave-processor writes ({@code -Aauditweave.aspects=per-site},
     * {@code benchmarks/per-site-targets}): the plan is read from the aspect's constant, not found in a table.
     */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    public int guardFalse_aspectjPerSite() {
        return perSiteFalse.blockUser(userId, reason);
    }

    /** Per-site, a guard that also reads an argument ({@code reason != null && RETURNED_ROWS > 0}). */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    public int guardFalse_aspectjPerSiteArgumentGuard() {
        return perSiteFalse.unblockUser(userId, reason);
    }

    /** Per-site, a guard that reads only an argument ({@code reason == 'fraud'}). */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    public int guardFalse_aspectjPerSiteArgumentsOnly() {
        return perSiteFalse.flagUser(userId, reason);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    public int guardFalse_springAop() {
        return springFalse.blockUser(userId, reason);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    public int guardFalse_handWritten() {
        return handWrittenFalse.blockUser(userId, reason);
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    public int guardTrue_baseline() {
        return plainTrue.blockUser(userId, reason);
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    public int guardTrue_aspectj() {
        return wovenTrue.blockUser(userId, reason);
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    public int guardTrue_aspectjPerSite() {
        return perSiteTrue.blockUser(userId, reason);
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    public int guardTrue_springAop() {
        return springTrue.blockUser(userId, reason);
    }
}
