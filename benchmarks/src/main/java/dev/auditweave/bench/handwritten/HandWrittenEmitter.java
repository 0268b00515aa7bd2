package dev.auditweave.bench.handwritten;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Emit code in the style of the field notes: fire-and-forget, one {@code CompletableFuture.runAsync} and one
 * HTTP POST of {@code {"events":[event]}} per event, failures logged (here: counted), never thrown. A silent
 * no-op without a URL.
 */
public final class HandWrittenEmitter {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    private final URI url;
    private final AtomicLong failures = new AtomicLong();
    private volatile String lastFailure = "none";

    private final Executor executor;

    /** {@code runAsync(task)} as in the field notes: the common pool, or a new thread per task (see below). */
    public HandWrittenEmitter(URI url) {
        this(url, null);
    }

    /**
     * With {@code executor == null}, {@code CompletableFuture.runAsync(task)}: on a machine whose common pool has a
     * parallelism below 2 (two cores or fewer) the JDK then starts a new thread for every task. Pass
     * {@code ForkJoinPool.commonPool()} to see what the same code costs where the common pool is used.
     */
    public HandWrittenEmitter(URI url, Executor executor) {
        this.url = url;
        this.executor = executor;
    }

    /** Called on the business thread. */
    public void emit(String type, Map<String, Object> data) {
        if (url == null) {
            return;
        }
        long occurredAt = System.currentTimeMillis();
        Runnable post = () -> {
            try {
                byte[] body = JSON.writeValueAsBytes(
                        Map.of("events", List.of(Map.of("type", type, "occurred_at", occurredAt, "data", data))));
                HttpRequest request = HttpRequest.newBuilder(url)
                        .timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build();
                HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() >= 300) {
                    lastFailure = "HTTP " + response.statusCode();
                    failures.incrementAndGet();
                }
            } catch (Exception e) {
                lastFailure = e.toString();
                failures.incrementAndGet();
            }
        };
        if (executor == null) {
            CompletableFuture.runAsync(post);
        } else {
            CompletableFuture.runAsync(post, executor);
        }
    }

    /** Events lost: the POST failed and, as in the field notes, was only logged. */
    public long failures() {
        return failures.get();
    }

    public String lastFailure() {
        return lastFailure;
    }
}
