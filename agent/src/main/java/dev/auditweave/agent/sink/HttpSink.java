package dev.auditweave.agent.sink;

import dev.auditweave.agent.event.Event;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * POSTs each batch as {@code {"events":[...]}} with {@code Content-Type: application/json} and the configured
 * headers, over one kept-alive HTTP/1.1 connection pool. 2xx is delivered; I/O errors, timeouts, 5xx and 429
 * (with its {@code Retry-After}) are worth a retry; any other status is a rejection.
 *
 * <pre>{@code
 * new HttpSink(URI.create("http://abuse.internal/api/events"),
 *     Map.of("CF-Access-Client-Id", id, "CF-Access-Client-Secret", secret),
 *     Duration.ofSeconds(10), Duration.ofSeconds(2));
 * }</pre>
 */
public final class HttpSink implements Sink {

    private static final Logger LOG = LoggerFactory.getLogger(HttpSink.class);
    private static final int BODY_EXCERPT = 300;

    private final URI url;
    private final Map<String, String> headers;
    private final Duration timeout;
    private final Duration connectTimeout;
    private HttpClient client;

    public HttpSink(URI url, Map<String, String> headers, Duration timeout, Duration connectTimeout) {
        this.url = url;
        this.headers = settable(headers);
        this.timeout = timeout;
        this.connectTimeout = connectTimeout;
    }

    @Override
    public String name() {
        return "http";
    }

    public URI url() {
        return url;
    }

    @Override
    public SendResult send(List<Event> batch) {
        byte[] body = EventJson.envelope(batch);
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        HttpResponse<String> response;
        try {
            response = client().send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new SendResult.Retry("POST " + url + " failed: " + e, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new SendResult.Retry("POST " + url + " interrupted", null);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return SendResult.delivered();
        }
        String reason = "POST " + url + " answered " + status + excerpt(response.body());
        if (status == 429 || status >= 500) {
            return new SendResult.Retry(reason, retryAfter(response));
        }
        return new SendResult.Rejected(reason);
    }

    /** Created on the worker thread at the first send, so that start-up never pays for it. */
    private HttpClient client() {
        if (client == null) {
            client = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(connectTimeout)
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();
        }
        return client;
    }

    /** {@code Retry-After} in seconds or as an HTTP date; {@code null} when absent or unreadable. */
    static Duration retryAfter(HttpResponse<?> response) {
        String value = response.headers().firstValue("Retry-After").orElse(null);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim())));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration until = Duration.between(ZonedDateTime.now(at.getZone()), at);
                return until.isNegative() ? Duration.ZERO : until;
            } catch (DateTimeParseException unreadable) {
                return null;
            }
        }
    }

    private static String excerpt(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String trimmed = body.strip();
        return ": " + (trimmed.length() > BODY_EXCERPT ? trimmed.substring(0, BODY_EXCERPT) + "..." : trimmed);
    }

    /**
     * Drops, with an error naming the key, the headers the JDK client refuses to set (Host, Connection, ...),
     * so that one bad header cannot make every request fail.
     */
    private static Map<String, String> settable(Map<String, String> headers) {
        Map<String, String> accepted = new LinkedHashMap<>();
        headers.forEach((name, value) -> {
            try {
                HttpRequest.newBuilder(URI.create("http://localhost/")).header(name, value);
                accepted.put(name, value);
            } catch (IllegalArgumentException e) {
                LOG.error("auditweave: auditweave.http.header.{} cannot be sent ({}); the header is ignored",
                        name, e.getMessage());
            }
        });
        return Map.copyOf(accepted);
    }
}
