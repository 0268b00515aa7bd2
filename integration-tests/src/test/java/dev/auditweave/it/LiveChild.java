package dev.auditweave.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A child JVM the test talks to while it runs, for the fault-injection suite: its stdout is read line by line as
 * it comes (kept in {@code stdout.txt} too), so a test can wait for a line, kill it with {@code SIGKILL} at a
 * chosen point, or close its stdin to let it exit normally. Built on {@link ChildJvm}'s command line and run
 * directory, like {@link Scenarios}.
 */
final class LiveChild implements AutoCloseable {

    static final String FAULT_MAIN = "dev.auditweave.it.fixtures.FaultMain";

    private final String name;
    private final Process process;
    private final Path directory;
    private final long startedAtMillis;
    private final List<String> lines = new ArrayList<>();
    private final Thread reader;
    private Integer exitCode;

    private LiveChild(String name, Process process, Path directory, long startedAtMillis) {
        this.name = name;
        this.process = process;
        this.directory = directory;
        this.startedAtMillis = startedAtMillis;
        this.reader = new Thread(this::readStdout, "stdout-" + name);
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code FaultMain} under the agent on the current Java with these system properties and arguments. */
    static LiveChild start(String name, List<String> systemProperties, List<String> arguments) {
        ChildJvm jvm = ChildJvm.agentModeOnCurrentJava();
        List<String> command = jvm.command(FAULT_MAIN, null, systemProperties, arguments);
        Path directory = ChildJvm.ItPaths.runDirectory().resolve("fault").resolve(name);
        try {
            Files.createDirectories(directory);
            Files.writeString(directory.resolve("command.txt"), String.join(" ", command) + "\n");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(directory.toFile())
                    .redirectError(directory.resolve("stderr.txt").toFile());
            builder.environment().keySet().removeIf(key -> key.toUpperCase(Locale.ROOT).startsWith("AUDITWEAVE_"));
            long started = System.currentTimeMillis();
            return new LiveChild(name, builder.start(), directory, started);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long startedAtMillis() {
        return startedAtMillis;
    }

    Path directory() {
        return directory;
    }

    /** Waits (at most {@code timeout}) for a line matching {@code test}; returns it, or empty. */
    synchronized Optional<String> awaitLine(Predicate<String> test, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (String line : lines) {
                if (test.test(line)) {
                    return Optional.of(line);
                }
            }
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0 || (!reader.isAlive())) {
                return Optional.empty();
            }
            TimeUnit.NANOSECONDS.timedWait(this, remaining);
        }
    }

    /** Waits for a line starting with {@code prefix}; fails the test with the child's output when none comes. */
    String expectLine(String prefix, Duration timeout) throws InterruptedException {
        return awaitLine(line -> line.startsWith(prefix), timeout)
                .orElseThrow(() -> new AssertionError("no '" + prefix + "' line from " + name + " within " + timeout
                        + "\n" + describe()));
    }

    /** Waits until at least {@code count} lines start with {@code prefix}. */
    synchronized boolean awaitCount(String prefix, int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (count(prefix) < count) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0 || !reader.isAlive()) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, remaining);
        }
        return true;
    }

    synchronized int count(String prefix) {
        int count = 0;
        for (String line : lines) {
            if (line.startsWith(prefix)) {
                count++;
            }
        }
        return count;
    }

    synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    /** {@code PRODUCED <key> <epoch ms>} lines as key -> time. */
    synchronized Map<String, Long> produced() {
        Map<String, Long> produced = new LinkedHashMap<>();
        for (String line : lines) {
            if (line.startsWith("PRODUCED ")) {
                String[] parts = line.split(" ");
                produced.put(parts[1], Long.parseLong(parts[2]));
            }
        }
        return produced;
    }

    /** {@code <label> a=1 b=2} as numbers; fails when there is no such line. */
    Map<String, Long> figures(String label) {
        for (String line : lines()) {
            if (line.startsWith(label + " ")) {
                Map<String, Long> figures = new LinkedHashMap<>();
                for (String pair : line.substring(label.length() + 1).trim().split("\\s+")) {
                    String[] parts = pair.split("=", 2);
                    figures.put(parts[0], Long.parseLong(parts[1]));
                }
                return figures;
            }
        }
        throw new AssertionError("no '" + label + "' line from " + name + "\n" + describe());
    }

    /** {@code kill -9}: returns the epoch ms just before the signal was sent. */
    long kill9() throws InterruptedException {
        long at = System.currentTimeMillis();
        process.destroyForcibly();
        exitCode = process.waitFor(30, TimeUnit.SECONDS) ? process.exitValue() : null;
        reader.join(TimeUnit.SECONDS.toMillis(10));
        return at;
    }

    /** Closes stdin (a serving child then returns from main) and waits for the exit; returns the exit code. */
    Integer finish(Duration timeout) throws InterruptedException {
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // Already gone.
        }
        return awaitExit(timeout);
    }

    /** Waits for the child to exit by itself; kills it after {@code timeout} and returns {@code null} then. */
    Integer awaitExit(Duration timeout) throws InterruptedException {
        if (process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
            exitCode = process.exitValue();
        } else {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            exitCode = null;
        }
        reader.join(TimeUnit.SECONDS.toMillis(10));
        return exitCode;
    }

    String stderr() {
        try {
            return Files.readString(directory.resolve("stderr.txt"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no stderr: " + e + ")";
        }
    }

    String describe() {
        List<String> all = lines();
        List<String> shown = all.stream().filter(line -> !line.startsWith("PRODUCED ")).toList();
        String err = stderr();
        return "--- child " + name + " (" + directory + "), exit " + exitCode + ", " + all.size() + " stdout lines\n"
                + String.join("\n", shown) + "\n--- stderr (tail):\n"
                + (err.length() > 8000 ? "..." + err.substring(err.length() - 8000) : err);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private void readStdout() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
             Writer copy = Files.newBufferedWriter(directory.resolve("stdout.txt"), StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                copy.write(line);
                copy.write('\n');
                synchronized (this) {
                    lines.add(line);
                    notifyAll();
                }
            }
        } catch (IOException e) {
            // The child died; what was read is kept.
        } finally {
            synchronized (this) {
                notifyAll();
            }
        }
    }
}
