package dev.auditweave.sample.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.auditweave.sample.abuse.AbuseServiceConfig;
import dev.auditweave.sample.abuse.AbuseServiceMain;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * The sample abuse service ({@link AbuseServiceMain}) in a child JVM under the {@code -javaagent}, for the demo's
 * live page: the sample app's runs send to it too, and it sends its own events ({@code abuse.*}) to itself. The
 * demo posts each run's "rightly not sent" list to it ({@code POST /api/demo/not-sent}).
 */
final class LiveAbuseService implements AutoCloseable {

    private static final long READY_SECONDS = 60;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    /** Set when the demo stops the service: its output stream is closed then, which is no loss to report. */
    private final AtomicBoolean stopping;
    private final URI page;
    private final Map<String, String> environment;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private LiveAbuseService(Process process, AtomicBoolean stopping, URI page, Map<String, String> environment) {
        this.process = process;
        this.stopping = stopping;
        this.page = page;
        this.environment = environment;
    }

    /**
     * Starts the service on a free loopback port with the CF-Access credentials of {@code environment}, and waits
     * until it listens.
     *
     * @throws IOException when it does not start within a minute
     */
    static LiveAbuseService start(Path root, Map<String, String> environment, PrintStream out)
            throws IOException, InterruptedException {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        URI page = URI.create("http://127.0.0.1:" + port + "/");
        Mode agent = Mode.javaagent(root);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(agent.jvmOptions());
        ownSink(page).forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-cp");
        command.add(agent.classPath().stream().map(Path::toString)
                .collect(Collectors.joining(System.getProperty("path.separator"))));
        command.add(AbuseServiceMain.class.getName());
        command.addAll(List.of("--port", String.valueOf(port), "--allow", "10.0.0.0/8",
                "--editor", "ops@kilo.example=*"));
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy, "abuse-service-stop"));
        CountDownLatch ready = new CountDownLatch(1);
        AtomicBoolean stopping = new AtomicBoolean();
        Thread echo = new Thread(() -> echo(process, out, ready, stopping), "abuse-service-output");
        echo.setDaemon(true);
        echo.start();
        if (!ready.await(READY_SECONDS, TimeUnit.SECONDS) || !process.isAlive()) {
            process.destroyForcibly();
            throw new IOException("the abuse service did not start within " + READY_SECONDS + " s: " + command);
        }
        return new LiveAbuseService(process, stopping, page, environment);
    }

    /** Its auditweave settings: its own events over HTTP to its own {@code /api/events}, with the credentials. */
    private static Map<String, String> ownSink(URI page) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("auditweave.sink", "http");
        properties.put("auditweave.http.url", page.resolve("/api/events").toString());
        properties.put("auditweave.http.header.CF-Access-Client-Id",
                "${" + AbuseServiceConfig.CLIENT_ID_VARIABLE + "}");
        properties.put("auditweave.http.header.CF-Access-Client-Secret",
                "${" + AbuseServiceConfig.CLIENT_SECRET_VARIABLE + "}");
        return properties;
    }

    URI pageUrl() {
        return page;
    }

    URI eventsUrl() {
        return page.resolve("/api/events");
    }

    URI authEventUrl() {
        return page.resolve("/api/auth-event");
    }

    /** Posts the run's "rightly not sent" checks of every destination; a failure is reported, not thrown. */
    void postNotSent(String run, Map<Destination, RunResult> results, PrintStream out) {
        List<Map<String, Object>> items = new ArrayList<>();
        results.forEach((destination, result) -> {
            for (NotSentCheck check : result.notSent()) {
                items.add(Map.of("sink", destination.sink(), "step", check.step(),
                        "description", check.description(), "why", check.why() + " (" + check.pattern().describe()
                                + ")", "ok", check.ok()));
            }
        });
        try {
            HttpRequest request = HttpRequest.newBuilder(page.resolve("/api/demo/not-sent"))
                    .header("CF-Access-Client-Id", environment.get(AbuseServiceConfig.CLIENT_ID_VARIABLE))
                    .header("CF-Access-Client-Secret", environment.get(AbuseServiceConfig.CLIENT_SECRET_VARIABLE))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(
                            Map.of("run", run, "items", items))))
                    .timeout(Duration.ofSeconds(10))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                out.println("  (the live page did not take the not-sent list: " + response.statusCode() + " "
                        + response.body() + ")");
            }
        } catch (IOException e) {
            out.println("  (the live page did not take the not-sent list: " + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until the service's JVM ends (Ctrl-C ends both). */
    void awaitExit() throws InterruptedException {
        process.waitFor();
    }

    @Override
    public void close() {
        stopping.set(true);
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static void echo(Process process, PrintStream out, CountDownLatch ready, AtomicBoolean stopping) {
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith(AbuseServiceMain.READY)) {
                    ready.countDown();
                } else if (line.contains("WARN") || line.contains("ERROR")) {
                    out.println("    abuse-service| " + line);
                }
            }
        } catch (IOException e) {
            if (!stopping.get()) {
                out.println("    (abuse service output lost: " + e.getMessage() + ")");
            }
        } finally {
            ready.countDown();
        }
    }
}
