package dev.auditweave.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.auditweave.testing.LoopbackReceiver;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code TRACE} beside the OpenTelemetry Java agent: a forked JVM with both {@code -javaagent}s (OpenTelemetry's
 * first, its exporters off) runs {@code TraceMain}, which opens a span through the OpenTelemetry API and calls an
 * annotated method inside it; the event that reaches the receiver carries that span's trace id and span id. Without
 * the OpenTelemetry agent the API is a no-op, no span is valid, and {@code TRACE} is null: the event still arrives.
 */
class OpenTelemetryAgentIT {

    private static final String MAIN = "dev.auditweave.it.fixtures.trace.TraceMain";
    private static final String SIGNIN = "auth.signin";

    @Test
    void anEventEmittedUnderTheOpenTelemetryAgentCarriesTheTraceIdOfItsSpan() throws Exception {
        Run run = run(true);

        String[] span = run.spanLine();
        assertThat(span[3]).as("the span is a real one of the agent's SDK\n%s", run).isEqualTo("true");
        JsonNode event = run.single();
        assertThat(event.path("data").path("trace_id").asText(null)).as("%s", run).isEqualTo(span[1]);
        assertThat(event.path("data").path("span_id").asText(null)).as("%s", run).isEqualTo(span[2]);
        System.out.println("issue 13, under the OpenTelemetry agent " + System.getProperty(
                "auditweave.it.otelAgentJar") + ": span " + span[1] + " " + span[2] + ", the event as it arrived: "
                + event);
    }

    @Test
    void withoutTheOpenTelemetryAgentTraceIsNullAndTheEventStillArrives() throws Exception {
        Run run = run(false);

        assertThat(run.spanLine()[3]).as("the API alone is a no-op\n%s", run).isEqualTo("false");
        JsonNode event = run.single();
        assertThat(event.path("data").path("kilo_user_id").asText()).as("%s", run).isEqualTo("u-trace");
        assertThat(event.path("data").path("trace_id").isNull()).as("%s", run).isTrue();
    }

    private static Run run(boolean withOpenTelemetry) throws IOException, InterruptedException {
        try (LoopbackReceiver receiver = LoopbackReceiver.start()) {
            List<String> command = new ArrayList<>();
            command.add(ChildJvm.currentJava().toString());
            if (withOpenTelemetry) {
                command.add("-javaagent:" + ChildJvm.ItPaths.file("auditweave.it.otelAgentJar"));
                command.add("-Dotel.traces.exporter=none");
                command.add("-Dotel.metrics.exporter=none");
                command.add("-Dotel.logs.exporter=none");
            }
            command.add("-javaagent:" + ChildJvm.ItPaths.file("auditweave.it.agentJar"));
            command.add("-Dauditweave.sink=http");
            command.add("-Dauditweave.http.url=" + receiver.url());
            command.add("-Dauditweave.batch.max-delay-ms=0");
            command.add("-cp");
            command.add(ChildJvm.ItPaths.file("auditweave.it.fixturesJar") + File.pathSeparator
                    + ChildJvm.ItPaths.classpathFile("auditweave.it.agentModeClasspathFile"));
            command.add(MAIN);
            Path directory = ChildJvm.ItPaths.runDirectory().resolve(withOpenTelemetry ? "otel-agent" : "otel-api-only");
            Files.createDirectories(directory);
            Path stdout = directory.resolve("stdout.txt");
            Path stderr = directory.resolve("stderr.txt");
            ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                    .redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
            builder.environment().keySet().removeIf(key -> key.toUpperCase(Locale.ROOT).startsWith("AUDITWEAVE_")
                    || key.toUpperCase(Locale.ROOT).startsWith("OTEL_"));
            Process process = builder.start();
            boolean exited = process.waitFor(120, TimeUnit.SECONDS);
            if (!exited) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            return new Run(command, exited ? process.exitValue() : null,
                    Files.readString(stdout, StandardCharsets.UTF_8), Files.readString(stderr, StandardCharsets.UTF_8),
                    receiver.events());
        }
    }

    private record Run(List<String> command, Integer exitCode, String stdout, String stderr, List<JsonNode> events) {

        String[] spanLine() {
            assertThat(exitCode).as("exit code\n%s", this).isEqualTo(0);
            assertThat(stdout).as("%s", this).contains("FLUSHED true");
            return stdout.lines().filter(line -> line.startsWith("SPAN ")).findFirst()
                    .orElseThrow(() -> new AssertionError("no SPAN line\n" + this)).split(" ");
        }

        JsonNode single() {
            List<JsonNode> signIns = events.stream().filter(event -> event.path("type").asText().equals(SIGNIN))
                    .toList();
            assertThat(signIns).as("the sign-in events at the receiver\n%s", this).hasSize(1);
            return signIns.get(0);
        }

        @Override
        public String toString() {
            return "command: " + String.join(" ", command) + "\nexit: " + exitCode + "\nstdout:\n" + stdout
                    + "\nstderr (last 4000 chars):\n" + stderr.substring(Math.max(0, stderr.length() - 4000))
                    + "\nevents: " + events;
        }
    }
}
