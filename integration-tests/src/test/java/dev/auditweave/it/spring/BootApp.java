package dev.auditweave.it.spring;

import dev.auditweave.it.ChildJvm;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A sample Spring Boot fat jar running in a child JVM on a free loopback port ({@code --server.port=0}): started,
 * waited for until it answers HTTP (bounded), stopped with SIGTERM so that its shutdown hooks (auditweave's drain
 * among them) run. Its command, stdout and stderr are kept under {@code target/it-runs/spring-<name>/}.
 */
final class BootApp implements AutoCloseable {

    static final String PASSWORD = "it-" + Long.toHexString(System.nanoTime());
    private static final Pattern PORT = Pattern.compile("started on port (\\d+)");
    private static final Duration POLL_INTERVAL = Duration.ofMillis(25);

    private final String name;
    private final Process process;
    private final Path directory;
    private final long launchedAtNanos;
    private final List<String> lines = new ArrayList<>();
    private final Thread reader;
    private Integer port;
    private boolean stdoutClosed;
    private long startupMillis = -1;

    private BootApp(String name, Process process, Path directory, long launchedAtNanos) {
        this.name = name;
        this.process = process;
        this.directory = directory;
        this.launchedAtNanos = launchedAtNanos;
        this.reader = new Thread(this::readStdout, "stdout-spring-" + name);
        reader.setDaemon(true);
        reader.start();
    }

    /** Launches the jar; returns at once (see {@link #awaitServing}). */
    static BootApp launch(BootLaunch launch) {
        List<String> command = launch.command(List.of("--server.port=0", "--server.address=127.0.0.1",
                "--sample.admin.password=" + PASSWORD));
        Path directory = ChildJvm.ItPaths.runDirectory().resolve("spring-" + launch.name());
        try {
            Files.createDirectories(directory);
            Files.writeString(directory.resolve("command.txt"), String.join(" ", command) + "\n");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(directory.toFile())
                    .redirectError(directory.resolve("stderr.txt").toFile());
            builder.environment().keySet().removeIf(key -> key.toUpperCase(Locale.ROOT).startsWith("AUDITWEAVE_"));
            long launched = System.nanoTime();
            return new BootApp(launch.name(), builder.start(), directory, launched);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Waits until Tomcat names its port and {@code GET /login} answers 200; fails with the child's output when
     * that does not happen within {@code timeout} or the child dies first. Records the start-up time.
     */
    BootApp awaitServing(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int found = awaitPort(deadline);
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest probe = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + found + "/login"))
                .timeout(Duration.ofSeconds(5)).GET().build();
        while (true) {
            try {
                if (client.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    startupMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - launchedAtNanos);
                    return this;
                }
            } catch (IOException notYet) {
                // not listening yet: poll again
            }
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError(name + " did not serve GET /login with 200 within " + timeout + "\n"
                        + describe());
            }
            Thread.sleep(POLL_INTERVAL.toMillis());
        }
    }

    private synchronized int awaitPort(long deadline) throws InterruptedException {
        while (port == null) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0 || stdoutClosed) {
                process.waitFor(stdoutClosed ? 10 : 0, TimeUnit.SECONDS);
                throw new AssertionError(name + " never said which port it listens on (\"started on port\")"
                        + (stdoutClosed ? ": it exited" : " within the deadline") + "\n" + describe());
            }
            TimeUnit.NANOSECONDS.timedWait(this, remaining);
        }
        return port;
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** JVM launch to the first 200 from the application, in ms. */
    long startupMillis() {
        return startupMillis;
    }

    /**
     * SIGTERM (a graceful stop: Spring closes its context, then the JVM's shutdown hooks run, auditweave's drain
     * among them), then waits at most {@code timeout}; returns the exit code. Fails, after a SIGKILL, when the
     * child does not exit in time.
     */
    int stop(Duration timeout) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            reader.join(TimeUnit.SECONDS.toMillis(5));
            throw new AssertionError(name + " did not exit within " + timeout + " of SIGTERM\n" + describe());
        }
        reader.join(TimeUnit.SECONDS.toMillis(10));
        return process.exitValue();
    }

    String stderr() {
        try {
            return Files.readString(directory.resolve("stderr.txt"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no stderr: " + e + ")";
        }
    }

    synchronized List<String> stdout() {
        return List.copyOf(lines);
    }

    /**
     * The child's tail: where its files are, its exit code, the last stdout lines, every distinct "Caused by:" line
     * of its stdout (a stack trace's root cause is often above the tail) and the end of stderr.
     */
    String describe() {
        List<String> out = stdout();
        List<String> tail = out.subList(Math.max(0, out.size() - 40), out.size());
        List<String> causes = out.stream().filter(line -> line.startsWith("Caused by:")).distinct().toList();
        String err = stderr();
        String exit = process.isAlive() ? "still running" : "exit " + process.exitValue();
        return "--- spring app " + name + " (" + directory + "), " + exit + ", " + out.size()
                + " stdout lines, last " + tail.size() + ":\n" + String.join("\n", tail)
                + (causes.isEmpty() ? "" : "\n--- causes in stdout:\n" + String.join("\n", causes))
                + "\n--- stderr (tail):\n" + (err.length() > 6000 ? "..." + err.substring(err.length() - 6000) : err);
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
                copy.flush();
                synchronized (this) {
                    lines.add(line);
                    Matcher matcher = PORT.matcher(line);
                    if (port == null && matcher.find()) {
                        port = Integer.parseInt(matcher.group(1));
                    }
                    notifyAll();
                }
            }
        } catch (IOException e) {
            // The child died; what was read is kept.
        } finally {
            synchronized (this) {
                stdoutClosed = true;
                notifyAll();
            }
        }
    }
}
