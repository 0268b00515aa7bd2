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

    public HandWrittenEmitter(URI url) {
        this.url = url;
    }

    /** Called on the business thread. */
    public void emit(String type, Map<String, Object> data) {
        if (url == null) {
            return;
        }
        long occurredAt = System.currentTimeMillis();
        CompletableFuture.runAsync(() -> {
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
                    failures.incrementAndGet();
                }
            } catch (Exception e) {
                failures.incrementAndGet();
            }
        });
    }

    public long failures() {
        return failures.get();
    }
}
