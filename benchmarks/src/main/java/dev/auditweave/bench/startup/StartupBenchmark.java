package dev.auditweave.bench.startup;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Start-up: one operation launches a fresh JVM ({@code java -cp sample-app.jar:sample-app/target/lib/*},
 * the same java as the benchmark) with or without {@code -javaagent:agent/target/auditweave-agent.jar}, and
 * ends when the child prints a line:
 * <ul>
 *   <li>{@code toMain}: from process launch to the first line of {@code main} (JVM boot, and with the agent its
 *       {@code premain}: runtime, worker thread, Byte Buddy's AgentBuilder);</li>
 *   <li>{@code toServicesLoaded}: additionally until the sample app's six annotated service classes are loaded
 *       and initialised, which is when the agent transforms them.</li>
 * </ul>
 * The child's main is {@link StartupProbe}, copied alone to a temporary directory. The agent runs with its
 * default sink ({@code log}), so it does instrument. Overhead = agent score - none score, same run.
 *
 * <p>Run from the repository root after {@code mvn -pl benchmarks -am package}:
 * {@code java -jar benchmarks/target/benchmarks.jar quick Startup}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 2)
@Measurement(iterations = 10)
public class StartupBenchmark {

    @Param({"none", "agent"})
    public String mode;

    private List<String> command;
    private Process child;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Path agent = Paths.get("agent/target/auditweave-agent.jar").toAbsolutePath();
        Path sampleTarget = Paths.get("sample-app/target").toAbsolutePath();
        Path sampleJar;
        try (Stream<Path> files = Files.list(sampleTarget)) {
            sampleJar = files.filter(p -> p.getFileName().toString().matches("auditweave-sample-app-.*\\.jar")
                            && !p.getFileName().toString().contains("sources"))
                    .findFirst().orElseThrow(() -> new IllegalStateException(
                            "no sample-app jar under " + sampleTarget + ": run from the repository root after "
                                    + "mvn -pl benchmarks -am package"));
        }
        if (!Files.isRegularFile(agent)) {
            throw new IllegalStateException("no " + agent + ": run from the repository root");
        }
        Path probeDir = Files.createTempDirectory("auditweave-startup-probe");
        Path probeClass = probeDir.resolve("dev/auditweave/bench/startup/StartupProbe.class");
        Files.createDirectories(probeClass.getParent());
        try (InputStream in = StartupProbe.class.getResourceAsStream("StartupProbe.class")) {
            Files.copy(in, probeClass);
        }
        command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        if (mode.equals("agent")) {
            command.add("-javaagent:" + agent);
        }
        command.add("-cp");
        command.add(probeDir + java.io.File.pathSeparator + sampleJar + java.io.File.pathSeparator
                + sampleTarget.resolve("lib") + "/*");
        command.add(StartupProbe.class.getName());
    }

    @Benchmark
    public long toMain() throws IOException {
        return launchUntil("main ");
    }

    @Benchmark
    public long toServicesLoaded() throws IOException {
        return launchUntil("loaded ");
    }

    private long launchUntil(String prefix) throws IOException {
        child = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith(prefix)) {
                return Long.parseLong(line.substring(prefix.length()).trim());
            }
        }
        throw new IllegalStateException("the child exited without printing '" + prefix + "': " + command);
    }

    @TearDown(Level.Iteration)
    public void reap() throws InterruptedException, IOException {
        if (child != null) {
            child.getInputStream().transferTo(OutputStream.nullOutputStream());
            child.waitFor(30, TimeUnit.SECONDS);
            child.destroyForcibly();
            child = null;
        }
    }
}
