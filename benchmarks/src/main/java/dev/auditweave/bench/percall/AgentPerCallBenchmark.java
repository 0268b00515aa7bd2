package dev.auditweave.bench.percall;

import dev.auditweave.agent.Auditweave;
import dev.auditweave.bench.support.Runtimes;
import dev.auditweave.bench.targets.AgentUserService;
import dev.auditweave.bench.targets.PlainUserService;
import java.time.Duration;
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
 * Per-call cost under the Byte Buddy agent: the forked JVM runs with
 * {@code -javaagent:agent/target/auditweave-agent.jar}, which instruments {@link AgentUserService} at load; the
 * un-annotated {@link PlainUserService} in the same JVM is the baseline the ratios use. Same modes as
 * {@link PerCallBenchmark}: guard false in average time (with {@code -prof gc}: bytes per call), guard true in
 * sample time (p50 / p99), events drained by a worker to a discarding sink.
 *
 * <p>Run from the repository root (the agent path is relative to it), after
 * {@code mvn -pl benchmarks -am package}: {@code java -jar benchmarks/target/benchmarks.jar quick AgentPerCall}.
 * The set-up fails when the agent did not instrument the target, so a wrong directory cannot pass as a result.
 *
 * <p>The benchmark jar also carries auditweave's library (for the AspectJ targets), as an application that has
 * the library on its class path and the agent on its command line: the agent keeps its own classes to itself and
 * serves the library's facade ({@code Auditweave.metrics()}), so its runtime is configured by system properties
 * alone. Its sink is {@code log} with the agent's (relocated) logger at WARN: the worker formats and discards
 * each event, off the calling thread.
 */
@State(Scope.Thread)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
        "-Ddev.auditweave.shaded.org.slf4j.simpleLogger.defaultLogLevel=warn",
        "-javaagent:agent/target/auditweave-agent.jar", "-Dauditweave.sink=log"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class AgentPerCallBenchmark {

    public String userId = "u-1";
    public String reason = "spam";

    private PlainUserService plainFalse;
    private PlainUserService plainTrue;
    private AgentUserService agentFalse;
    private AgentUserService agentTrue;

    @Setup(Level.Trial)
    public void setUp() {
        plainFalse = new PlainUserService();
        plainTrue = new PlainUserService();
        plainTrue.setRows(1);
        agentFalse = new AgentUserService();
        agentTrue = new AgentUserService();
        agentTrue.setRows(1);
        agentTrue.blockUser(userId, reason);
        Auditweave.flush(Duration.ofSeconds(5));
        long captured = Runtimes.metrics().captured();
        if (captured != 1) {
            throw new IllegalStateException("AgentUserService is not instrumented (" + captured + " events):"
                    + " run from the repository root after mvn -pl benchmarks -am package,"
                    + " so that -javaagent:agent/target/auditweave-agent.jar exists");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        System.out.println();
        System.out.println(Runtimes.describe());
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    public int guardFalse_baseline() {
        return plainFalse.blockUser(userId, reason);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    public int guardFalse_agent() {
        return agentFalse.blockUser(userId, reason);
    }

    /** A guard that also reads an argument ({@code reason != null && RETURNED_ROWS > 0}). */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    public int guardFalse_agentArgumentGuard() {
        return agentFalse.unblockUser(userId, reason);
    }

    /** A guard that reads only an argument ({@code reason == 'fraud'}): decided in step one, with no arguments array. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    public int guardFalse_agentArgumentsOnly() {
        return agentFalse.flagUser(userId, reason);
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    public int guardTrue_baseline() {
        return plainTrue.blockUser(userId, reason);
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    public int guardTrue_agent() {
        return agentTrue.blockUser(userId, reason);
    }

    /** {@code phase = IMMEDIATE}: no look-up of a transaction to hold the event for. */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    public int guardTrue_agentImmediate() {
        return agentTrue.blockUserImmediately(userId, reason);
    }
}
