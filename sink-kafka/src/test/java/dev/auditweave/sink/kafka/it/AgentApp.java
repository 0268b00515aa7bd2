package dev.auditweave.sink.kafka.it;

import dev.auditweave.sink.kafka.it.agent.KafkaScenarioMain;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The agent mode: {@link KafkaScenarioMain} in a child JVM under {@code -javaagent:auditweave-agent.jar}, its class
 * path the plain test classes, this sink, kafka-clients and what it needs; the settings as system properties. Its
 * stderr goes to {@code stderr.txt} in its run directory.
 */
final class AgentApp implements App {

    private final Process process;
    private final PrintWriter commands;
    private final BufferedReader answers;
    private final Path directory;

    AgentApp(Map<String, String> settings, Path directory) throws IOException {
        this.directory = directory;
        Files.createDirectories(directory);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-javaagent:" + property("auditweave.it.agentJar"));
        settings.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-cp");
        command.add(String.join(java.io.File.pathSeparator, property("auditweave.it.testClasses"),
                property("auditweave.it.mainClasses"), property("auditweave.it.classpathDir") + "/*"));
        command.add(KafkaScenarioMain.class.getName());
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                .redirectError(directory.resolve("stderr.txt").toFile());
        builder.environment().keySet().removeIf(key -> key.toUpperCase(Locale.ROOT).startsWith("AUDITWEAVE_"));
        process = builder.start();
        commands = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
        answers = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String ready = answer("ready");
        if (!ready.contains("agentAttached=true")) {
            throw new IllegalStateException("the child runs without the agent: " + ready + "\n" + stderr());
        }
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            throw new IllegalStateException("system property " + name + " is not set (run by failsafe, see the pom)");
        }
        return value;
    }

    @Override
    public void emit(int from, int to) throws IOException {
        commands.println("emit " + from + " " + to);
        answer("emitted");
    }

    @Override
    public Map<String, Long> metrics() throws IOException {
        commands.println("metrics");
        return App.parse(answer("metrics").substring("metrics ".length()));
    }

    /** The child's next line, which must start with {@code expected}. */
    private String answer(String expected) throws IOException {
        String line = answers.readLine();
        if (line == null || !line.startsWith(expected)) {
            throw new IllegalStateException("expected '" + expected + "' from the child, got " + line + "\n"
                    + stderr());
        }
        return line;
    }

    String stderr() {
        try {
            return Files.readString(directory.resolve("stderr.txt"));
        } catch (IOException e) {
            return "(no stderr: " + e + ")";
        }
    }

    @Override
    public void close() throws Exception {
        commands.println("stop");
        answers.readLine();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
