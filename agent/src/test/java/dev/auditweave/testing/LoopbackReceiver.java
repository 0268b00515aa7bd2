package dev.auditweave.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A real HTTP server on loopback standing in for the abuse service: records every request, answers with a
 * scripted sequence of responses (then 200), and can hold responses to act slow or dead.
 *
 * <pre>{@code
 * try (LoopbackReceiver receiver = LoopbackReceiver.start()) {
 *     receiver.respond(Reply.status(503), Reply.status(429).header("Retry-After", "1"));
 *     ... point auditweave.http.url at receiver.url() ...
 *     receiver.awaitEvents(3, Duration.ofSeconds(10));
 * }
 * }</pre>
 */
public final class LoopbackReceiver implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final InetSocketAddress address;
    private HttpServer server;
    private volatile Duration delay = Duration.ZERO;
    private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "loopback-receiver");
        thread.setDaemon(true);
        return thread;
    });
    private final Deque<Reply> script = new ArrayDeque<>();
    private volatile Function<Request, Reply> policy = request -> Reply.status(200);
    private final List<Request> requests = new ArrayList<>();
    private final List<JsonNode> events = new ArrayList<>();
    private final CountDownLatch released = new CountDownLatch(1);
    private volatile boolean holding;

    private LoopbackReceiver(InetSocketAddress address) throws IOException {
        this.server = listen(address);
        this.address = server.getAddress();
    }

    public static LoopbackReceiver start() throws IOException {
        return new LoopbackReceiver(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    private HttpServer listen(InetSocketAddress at) throws IOException {
        HttpServer created = HttpServer.create(at, 0);
        created.createContext("/", this::handle);
        created.setExecutor(executor);
        created.start();
        return created;
    }

    /** {@code http://127.0.0.1:<port>/api/events}. */
    public URI url() {
        return URI.create("http://" + address.getAddress().getHostAddress() + ":" + address.getPort() + "/api/events");
    }

    /**
     * Takes the endpoint down for real: the server stops listening and drops its connections, so that a client
     * gets "connection refused". What was recorded is kept; {@link #up()} listens again on the same port.
     */
    public synchronized LoopbackReceiver down() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
        return this;
    }

    /** Listens again on the same port after {@link #down()}. */
    public synchronized LoopbackReceiver up() throws IOException {
        if (server == null) {
            server = listen(address);
        }
        return this;
    }

    /** Answers every request only after {@code delay}: a slow endpoint (each request waits on its own thread). */
    public LoopbackReceiver delay(Duration delay) {
        this.delay = delay;
        return this;
    }

    /** Answers the next requests with these replies, in order; afterwards as {@link #answer} decides (200 by default). */
    public synchronized LoopbackReceiver respond(Reply... replies) {
        script.addAll(List.of(replies));
        return this;
    }

    /**
     * Answers every request the script does not cover with what {@code policy} decides, e.g. 400 for a batch
     * holding a poison event, or 503 while a test holds the endpoint "down". Replaces the default of 200.
     */
    public LoopbackReceiver answer(Function<Request, Reply> policy) {
        this.policy = policy;
        return this;
    }

    /** Accepts requests but answers none until {@link #close()}: a dead endpoint that keeps connections open. */
    public LoopbackReceiver hold() {
        holding = true;
        return this;
    }

    public synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    /** The events of every request answered with 2xx, in arrival order. */
    public synchronized List<JsonNode> events() {
        return List.copyOf(events);
    }

    /** Waits until at least {@code count} events were accepted; returns whether they were. */
    public synchronized boolean awaitEvents(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (events.size() < count) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, remaining);
        }
        return true;
    }

    /** Waits until at least {@code count} requests arrived, whatever they were answered. */
    public synchronized boolean awaitRequests(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (requests.size() < count) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, remaining);
        }
        return true;
    }

    @Override
    public void close() {
        released.countDown();
        down();
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                exchange.getRequestHeaders().entrySet().stream()
                        .collect(java.util.stream.Collectors.toMap(e -> e.getKey().toLowerCase(java.util.Locale.ROOT),
                                e -> String.join(",", e.getValue()), (a, b) -> a)),
                new String(body, StandardCharsets.UTF_8), exchange.getRemoteAddress().getPort(), System.nanoTime());
        Reply scripted;
        synchronized (this) {
            requests.add(request);
            scripted = script.poll();
            notifyAll();
        }
        Reply reply = scripted != null ? scripted : policy.apply(request);
        if (!delay.isZero()) {
            try {
                released.await(delay.toNanos(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (holding) {
            try {
                released.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
            return;
        }
        if (reply.status() >= 200 && reply.status() < 300) {
            JsonNode envelope = JSON.readTree(body);
            synchronized (this) {
                envelope.path("events").forEach(events::add);
                notifyAll();
            }
        }
        reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        byte[] answer = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(reply.status(), answer.length == 0 ? -1 : answer.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer);
        }
    }

    /** One recorded request; header names lower-cased. */
    public record Request(String method, String path, Map<String, String> headers, String body, int remotePort,
                          long receivedAtNanos) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("request body is not JSON: " + body, e);
            }
        }
    }

    /** One scripted answer. */
    public record Reply(int status, Map<String, String> headers, String body) {
        public static Reply status(int status) {
            return new Reply(status, Map.of(), "");
        }

        public Reply header(String name, String value) {
            Map<String, String> all = new java.util.LinkedHashMap<>(headers);
            all.put(name, value);
            return new Reply(status, Map.copyOf(all), body);
        }

        public Reply body(String text) {
            return new Reply(status, headers, text);
        }
    }
}
