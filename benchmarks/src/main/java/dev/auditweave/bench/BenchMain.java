package dev.auditweave.bench;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Entry point of {@code benchmarks.jar}. Run from the repository root:
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar quick            # every benchmark, about 6 minutes on two busy cores
 * java -jar benchmarks/target/benchmarks.jar full             # 2-3 forks, longer iterations (estimated 30-40 minutes)
 * java -jar benchmarks/target/benchmarks.jar quick PerCall    # only benchmarks whose name matches a regex
 * java -jar benchmarks/target/benchmarks.jar -h               # anything else: plain JMH command line
 * }</pre>
 *
 * The profiles run each group of benchmarks with fitting settings (per-call ones with {@code -prof gc}) and
 * write all results to one JMH JSON file, {@code benchmarks/target/jmh-result.json} (or {@code -Dresult=...}),
 * which {@code dev.auditweave.bench.report.Report} turns into the table and chart of docs/performance.md.
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) throws RunnerException, IOException {
        if (args.length == 0 || !(args[0].equals("quick") || args[0].equals("full"))) {
            org.openjdk.jmh.Main.main(args);
            return;
        }
        boolean full = args[0].equals("full");
        Pattern filter = Pattern.compile(args.length > 1 ? args[1] : ".*");
        if (!Files.isRegularFile(Paths.get("agent/target/auditweave-agent.jar"))) {
            System.err.println("agent/target/auditweave-agent.jar not found: run from the repository root after"
                    + " mvn -pl benchmarks -am package");
            System.exit(2);
        }
        List<RunResult> results = new ArrayList<>();
        // 1. Per-call cost: time-based, bytes per call from the GC profiler.
        run(results, filter, Arrays.asList("PerCallBenchmark", "AgentPerCallBenchmark", "AfterCommitBenchmark"), options -> options
                .addProfiler(GCProfiler.class)
                .forks(full ? 3 : 1)
                .warmupIterations(full ? 5 : 3).warmupTime(TimeValue.seconds(full ? 2 : 1))
                .measurementIterations(full ? 10 : 5).measurementTime(TimeValue.seconds(full ? 2 : 1)));
        // 2. Throughput: delivery end to end and the serialiser alone.
        run(results, filter, Arrays.asList("DeliveryThroughputBenchmark", "SerializerBenchmark",
                        "KafkaThroughputBenchmark", "JdbcSinkBenchmark"),
                options -> options
                        .forks(full ? 2 : 1)
                        .warmupIterations(full ? 3 : 2).warmupTime(TimeValue.seconds(2))
                        .measurementIterations(full ? 5 : 3).measurementTime(TimeValue.seconds(full ? 3 : 2)));
        // 3. Single-shot: the hand-written emitter's caller cost (batches drained between iterations).
        run(results, filter, List.of("HandWrittenCallerBenchmark"), options -> options
                .forks(full ? 3 : 1)
                .warmupIterations(full ? 100 : 60).measurementIterations(full ? 300 : 100));
        // 4. Start-up: fresh JVMs with and without the agent.
        run(results, filter, List.of("StartupBenchmark"), options -> options
                .forks(1)
                .warmupIterations(full ? 3 : 2).measurementIterations(full ? 30 : 10));
        // 5. The first call of an annotated method: one shot per fresh JVM.
        run(results, filter, List.of("FirstCallBenchmark"), options -> options.forks(full ? 40 : 20));
        Path out = Paths.get(System.getProperty("result", "benchmarks/target/jmh-result.json"));
        Files.createDirectories(out.toAbsolutePath().getParent());
        try (PrintStream print = new PrintStream(new FileOutputStream(out.toFile()), true, "UTF-8")) {
            ResultFormatFactory.getInstance(ResultFormatType.JSON, print).writeOut(results);
        }
        System.out.println("JMH results of all groups: " + out.toAbsolutePath());
        System.out.println("Table and chart: java -cp benchmarks/target/benchmarks.jar"
                + " dev.auditweave.bench.report.Report " + out + " docs/performance.png");
    }

    private interface Settings {
        ChainedOptionsBuilder apply(ChainedOptionsBuilder options);
    }

    private static void run(List<RunResult> results, Pattern filter, List<String> classes,
                            Settings settings) throws RunnerException {
        ChainedOptionsBuilder options = new OptionsBuilder();
        boolean any = false;
        for (String name : classes) {
            String include = BenchMain.class.getPackageName() + ".*\\." + name + "\\..*";
            if (filter.matcher(name).find() || filter.pattern().equals(".*")) {
                options = options.include(include);
                any = true;
            }
        }
        if (!any) {
            return;
        }
        results.addAll(new Runner(settings.apply(options).shouldFailOnError(true).build()).run());
    }
}
