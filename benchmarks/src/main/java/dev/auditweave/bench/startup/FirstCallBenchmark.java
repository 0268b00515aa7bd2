package dev.auditweave.bench.startup;

import dev.auditweave.agent.Auditweave;
import dev.auditweave.bench.targets.AgentUserService;
import dev.auditweave.bench.targets.PlainUserService;
import dev.auditweave.bench.woven.WovenUserService;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The first call of an annotated method, in a fresh JVM per fork: one single shot per fork, no warm-up, so each
 * sample is the very first call after the classes were loaded (in the trial set-up, as an application loads its
 * services at start-up). {@code startupMillis} is the time between that and the first call: 0 for a call right
 * after the class loaded, 500 for an application whose start-up goes on for half a second after loading its
 * services (a Spring Boot application takes seconds). The guard holds, so the first call takes the whole capture
 * path: guard, fields, event, enqueue. The baseline is the first call of the same method without auditweave, in
 * forks of its own. Cost of auditweave's first call = instrumented score - plain score, same run.
 *
 * <ul>
 *   <li>{@code plainFirstCall}: {@link PlainUserService}, no agent;</li>
 *   <li>{@code agentFirstCall}: {@link AgentUserService} under {@code -javaagent:agent/target/auditweave-agent.jar}
 *       (plans compiled in the background right after the class is defined);</li>
 *   <li>{@code wovenFirstCall}: {@link WovenUserService}, woven by ajc, no agent: the runtime starts with the
 *       first annotated call;</li>
 *   <li>{@code wovenStartedFirstCall}: the same after what the Spring Boot starter does when the context starts:
 *       {@code Auditweave.start} and {@code Auditweave.prepare} of the annotated method.</li>
 * </ul>
 *
 * <p>Run from the repository root after {@code mvn -pl benchmarks -am package}:
 * {@code java -jar benchmarks/target/benchmarks.jar quick FirstCall}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
public class FirstCallBenchmark {

    private static final String QUIET = "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn";
    private static final String AGENT_QUIET = "-Ddev.auditweave.shaded.org.slf4j.simpleLogger.defaultLogLevel=warn";

    @Param({"0", "500"})
    public long startupMillis;

    private PlainUserService plain;
    private AgentUserService agent;
    private WovenUserService woven;

    @Setup(Level.Trial)
    public void loadServices() {
        plain = new PlainUserService();
        plain.setRows(1);
        agent = new AgentUserService();
        agent.setRows(1);
        woven = new WovenUserService();
        woven.setRows(1);
        restOfStartUp(startupMillis);
    }

    /** What the Spring Boot starter does at context start, for {@link #wovenStartedFirstCall}. */
    @State(Scope.Benchmark)
    public static class StartedLikeTheStarter {
        @Setup(Level.Trial)
        public void start() throws NoSuchMethodException {
            Auditweave.start(Map.of("auditweave.sink", "log"), "benchmark");
            Auditweave.prepare(WovenUserService.class.getMethod("blockUser", String.class, String.class));
        }
    }

    /** The rest of an application's start-up, modelled as time passing: background work gets its chance. */
    private static void restOfStartUp(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Benchmark
    @Fork(value = 20, jvmArgsAppend = {QUIET})
    public int plainFirstCall() {
        return plain.blockUser("u-1", "spam");
    }

    @Benchmark
    @Fork(value = 20, jvmArgsAppend = {QUIET, AGENT_QUIET, "-javaagent:agent/target/auditweave-agent.jar",
        "-Dauditweave.sink=log"})
    public int agentFirstCall() {
        return agent.blockUser("u-1", "spam");
    }

    @Benchmark
    @Fork(value = 20, jvmArgsAppend = {QUIET, "-Dauditweave.sink=log"})
    public int wovenFirstCall() {
        return woven.blockUser("u-1", "spam");
    }

    @Benchmark
    @Fork(value = 20, jvmArgsAppend = {QUIET})
    public int wovenStartedFirstCall(StartedLikeTheStarter started) {
        return woven.blockUser("u-1", "spam");
    }
}
