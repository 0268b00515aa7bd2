package dev.auditweave.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a JMH JSON result file into the Markdown tables of docs/performance.md and a PNG chart
 * ({@link Chart}), so anyone can redraw both from their own run:
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar dev.auditweave.bench.report.Report \
 *      benchmarks/target/jmh-result.json docs/performance.png
 * }</pre>
 *
 * Ratios are always taken between results of the same file (the same run); per-call ratios use the baseline of
 * the same JVM (the agent benchmarks have their own baseline in the agent's fork).
 */
public final class Report {

    private Report() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: Report <jmh-result.json> [chart.png]");
            System.exit(2);
        }
        Results results = Results.read(Paths.get(args[0]));
        System.out.println(markdown(results));
        if (args.length > 1) {
            Path png = Paths.get(args[1]);
            Chart.draw(results, png);
            System.out.println("chart written to " + png);
        }
    }

    /** Every benchmark of the file, keyed by "Class.method" plus ":param=value" when it has parameters. */
    static final class Results {
        final Map<String, JsonNode> byName = new LinkedHashMap<>();

        static Results read(Path file) throws IOException {
            Results results = new Results();
            for (JsonNode node : new ObjectMapper().readTree(file.toFile())) {
                String name = node.get("benchmark").asText();
                name = name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1);
                JsonNode params = node.get("params");
                if (params != null) {
                    StringBuilder key = new StringBuilder(name);
                    params.fields().forEachRemaining(e -> key.append(':').append(e.getKey()).append('=')
                            .append(e.getValue().asText()));
                    name = key.toString();
                }
                results.byName.put(name, node);
            }
            return results;
        }

        JsonNode get(String name) {
            return byName.get(name);
        }

        double score(String name) {
            JsonNode node = get(name);
            return node == null ? Double.NaN : node.get("primaryMetric").get("score").asDouble();
        }

        double error(String name) {
            JsonNode node = get(name);
            return node == null ? Double.NaN : node.get("primaryMetric").get("scoreError").asDouble();
        }

        double percentile(String name, String percentile) {
            JsonNode node = get(name);
            if (node == null) {
                return Double.NaN;
            }
            JsonNode value = node.get("primaryMetric").path("scorePercentiles").get(percentile);
            return value == null ? Double.NaN : value.asDouble();
        }

        /** {@code gc.alloc.rate.norm}: bytes allocated per operation. */
        double bytesPerOp(String name) {
            JsonNode node = get(name);
            if (node == null || node.get("secondaryMetrics") == null) {
                return Double.NaN;
            }
            var fields = node.get("secondaryMetrics").fields();
            while (fields.hasNext()) {
                var field = fields.next();
                if (field.getKey().endsWith("gc.alloc.rate.norm")) {
                    return field.getValue().get("score").asDouble();
                }
            }
            return Double.NaN;
        }

        boolean has(String name) {
            return byName.containsKey(name);
        }
    }

    /** Per-call rows: label, benchmark, the baseline it is compared with. */
    static final String[][] GUARD_FALSE = {
        {"baseline (no instrumentation)", "PerCallBenchmark.guardFalse_baseline", "PerCallBenchmark.guardFalse_baseline"},
        {"auditweave, AspectJ compile-time", "PerCallBenchmark.guardFalse_aspectj", "PerCallBenchmark.guardFalse_baseline"},
        {"auditweave, AspectJ, guard reads an argument", "PerCallBenchmark.guardFalse_aspectjArgumentGuard",
            "PerCallBenchmark.guardFalse_baseline"},
        {"auditweave, AspectJ, guard reads only an argument", "PerCallBenchmark.guardFalse_aspectjArgumentsOnly",
            "PerCallBenchmark.guardFalse_baseline"},
        {"baseline in the agent's JVM", "AgentPerCallBenchmark.guardFalse_baseline",
            "AgentPerCallBenchmark.guardFalse_baseline"},
        {"auditweave, Byte Buddy -javaagent", "AgentPerCallBenchmark.guardFalse_agent",
            "AgentPerCallBenchmark.guardFalse_baseline"},
        {"auditweave, -javaagent, guard reads an argument", "AgentPerCallBenchmark.guardFalse_agentArgumentGuard",
            "AgentPerCallBenchmark.guardFalse_baseline"},
        {"auditweave, -javaagent, guard reads only an argument", "AgentPerCallBenchmark.guardFalse_agentArgumentsOnly",
            "AgentPerCallBenchmark.guardFalse_baseline"},
        {"Spring AOP proxy + @Around + SpEL", "PerCallBenchmark.guardFalse_springAop",
            "PerCallBenchmark.guardFalse_baseline"},
        {"hand-written (if + runAsync + POST)", "PerCallBenchmark.guardFalse_handWritten",
            "PerCallBenchmark.guardFalse_baseline"},
    };

    static final String[][] GUARD_TRUE = {
        {"baseline (no instrumentation)", "PerCallBenchmark.guardTrue_baseline", "PerCallBenchmark.guardTrue_baseline"},
        {"auditweave, AspectJ compile-time", "PerCallBenchmark.guardTrue_aspectj", "PerCallBenchmark.guardTrue_baseline"},
        {"baseline in the agent's JVM", "AgentPerCallBenchmark.guardTrue_baseline",
            "AgentPerCallBenchmark.guardTrue_baseline"},
        {"auditweave, Byte Buddy -javaagent", "AgentPerCallBenchmark.guardTrue_agent",
            "AgentPerCallBenchmark.guardTrue_baseline"},
        {"auditweave, -javaagent, phase = IMMEDIATE", "AgentPerCallBenchmark.guardTrue_agentImmediate",
            "AgentPerCallBenchmark.guardTrue_baseline"},
        {"Spring AOP proxy + @Around + SpEL", "PerCallBenchmark.guardTrue_springAop",
            "PerCallBenchmark.guardTrue_baseline"},
    };

    static String markdown(Results r) {
        StringBuilder md = new StringBuilder();
        if (r.has(GUARD_FALSE[0][1]) || r.has(GUARD_FALSE[3][1])) {
            md.append("### Per call, guard false (average time; bytes per call from `-prof gc`)\n\n");
            md.append("| variant | ns/call | over baseline | x baseline | B/call |\n|---|---:|---:|---:|---:|\n");
            for (String[] row : GUARD_FALSE) {
                if (!r.has(row[1])) {
                    continue;
                }
                double score = r.score(row[1]);
                double base = r.score(row[2]);
                md.append(String.format(Locale.ROOT, "| %s | %.2f ± %.2f | %+.2f ns | %.1f | %s |%n", row[0], score,
                        r.error(row[1]), score - base, score / base, bytes(r.bytesPerOp(row[1]))));
            }
            md.append('\n');
        }
        if (r.has(GUARD_TRUE[0][1]) || r.has(GUARD_TRUE[2][1])) {
            md.append("### Per call, guard true: the calling thread's cost (sample time; one caller thread)\n\n");
            md.append("| variant | p50 ns | p99 ns | mean ns | p50 over baseline | B/call |\n"
                    + "|---|---:|---:|---:|---:|---:|\n");
            for (String[] row : GUARD_TRUE) {
                if (!r.has(row[1])) {
                    continue;
                }
                double p50 = r.percentile(row[1], "50.0");
                md.append(String.format(Locale.ROOT, "| %s | %.0f | %.0f | %.0f | %+.0f ns | %s |%n", row[0], p50,
                        r.percentile(row[1], "99.0"), r.score(row[1]), p50 - r.percentile(row[2], "50.0"),
                        bytes(r.bytesPerOp(row[1]))));
            }
            for (String executor : List.of("runAsync", "commonPool")) {
                String hand = "HandWrittenCallerBenchmark.guardTrue_handWritten:executor=" + executor;
                if (r.has(hand)) {
                    md.append(String.format(Locale.ROOT, "| hand-written, %s + one POST per event "
                            + "(mean over batches of 100 calls) | | | %,.0f | | |%n", executor.equals("runAsync")
                            ? "`runAsync(task)` (2 cores: a thread per task)" : "`runAsync(task, commonPool())`",
                            r.score(hand)));
                }
            }
            md.append('\n');
        }
        List<String> threads = List.of("1", "2", "8");
        if (r.has("DeliveryThroughputBenchmark.auditweave:threads=1")) {
            md.append("### Delivered to a loopback HTTP receiver, events/s\n\n");
            md.append("| caller threads | auditweave (batches of 500) | hand-written (one POST per event) | ratio |\n"
                    + "|---:|---:|---:|---:|\n");
            for (String t : threads) {
                String a = "DeliveryThroughputBenchmark.auditweave:threads=" + t;
                String h = "DeliveryThroughputBenchmark.handWritten:threads=" + t;
                md.append(String.format(Locale.ROOT, "| %s | %,.0f ± %,.0f | %,.0f ± %,.0f | %.0f x |%n", t,
                        r.score(a), r.error(a), r.score(h), r.error(h), r.score(a) / r.score(h)));
            }
            md.append('\n');
        }
        if (r.has("SerializerBenchmark.envelope500")) {
            md.append(String.format(Locale.ROOT,
                    "### Serialiser alone\n\n`EventJson.envelope` of 500 events on one thread: **%,.0f ± %,.0f events/s**%n%n",
                    r.score("SerializerBenchmark.envelope500"), r.error("SerializerBenchmark.envelope500")));
        }
        if (r.has("StartupBenchmark.toMain:mode=none")) {
            md.append("### Start-up of the sample app, ms from launch (single shot)\n\n");
            md.append("| until | without agent | with -javaagent | overhead |\n|---|---:|---:|---:|\n");
            for (String[] row : new String[][] {{"main", "toMain"}, {"annotated services loaded", "toServicesLoaded"}}) {
                String none = "StartupBenchmark." + row[1] + ":mode=none";
                String agent = "StartupBenchmark." + row[1] + ":mode=agent";
                md.append(String.format(Locale.ROOT, "| %s | %.0f ± %.0f | %.0f ± %.0f | %+.0f ms |%n", row[0],
                        r.score(none), r.error(none), r.score(agent), r.error(agent), r.score(agent) - r.score(none)));
            }
            md.append('\n');
        }
        return md.toString();
    }

    private static String bytes(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        return value < 0.5 ? "0" : String.format(Locale.ROOT, "%.0f", value);
    }

    static List<String> names(Results r, String prefix) {
        List<String> names = new ArrayList<>();
        for (String name : r.byName.keySet()) {
            if (name.startsWith(prefix)) {
                names.add(name);
            }
        }
        return names;
    }
}
