package dev.auditweave.sample.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** Runs SampleApp in a child JVM of the same Java, echoing its output indented, and waits for it to exit. */
final class ChildJvm {

    static final String MAIN_CLASS = "dev.auditweave.sample.SampleApp";
    private static final long TIMEOUT_SECONDS = 120;

    private ChildJvm() {
    }

    /** The command line: java, the mode's options, {@code properties} as -D options, the class path, SampleApp. */
    static List<String> command(Mode mode, Map<String, String> properties) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(mode.jvmOptions());
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-cp");
        command.add(mode.classPath().stream().map(Path::toString)
                .collect(Collectors.joining(System.getProperty("path.separator"))));
        command.add(MAIN_CLASS);
        return command;
    }

    /** Runs {@code command} with {@code environment} added, echoing its output to {@code out}. */
    static ChildRun run(List<String> command, Map<String, String> environment, Path workingDirectory,
                        PrintStream out) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workingDirectory.toFile())
                .redirectErrorStream(true);
        builder.environment().putAll(environment);
        long start = System.currentTimeMillis();
        Process process = builder.start();
        Thread echo = new Thread(() -> echo(process, out), "child-output");
        echo.start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            out.println("    child did not exit within " + TIMEOUT_SECONDS + " s: stopping it");
            process.destroyForcibly().waitFor();
        }
        echo.join(TimeUnit.SECONDS.toMillis(5));
        return new ChildRun(process.exitValue(), start, System.currentTimeMillis());
    }

    private static void echo(Process process, PrintStream out) {
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                out.println("    | " + line);
            }
        } catch (IOException e) {
            out.println("    (child output lost: " + e.getMessage() + ")");
        }
    }
}
