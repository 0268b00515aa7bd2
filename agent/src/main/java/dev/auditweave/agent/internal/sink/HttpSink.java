package dev.auditweave.agent.internal.sink;

import dev.auditweave.agent.internal.log.Loggers;
import dev.auditweave.agent.spi.SendResult;
import dev.auditweave.agent.spi.SinkEvent;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.slf4j.Logger;

/**
 * POSTs each batch in the sink's {@link Format} ({@code {"events":[...]}} by default) with its
 * {@code Content-Type} and the configured headers, over one kept-alive HTTP/1.1 connection pool. 2xx is delivered;
 * I/O errors, timeouts, 5xx and 429 (with its {@code Retry-After}) are worth a retry; any other status is a
 * rejection.
 *
 * <p><b>Poison isolation</b> (the named sinks of {@code auditweave.sinks}): a batch answered 400 or 422 is split in halves,
 * and each half sent again, until the events the endpoint refuses are single ones; the rest is delivered and the
 * refused events come back as {@link SendResult.Partial}, for the dispatcher to dead-letter. An event whose
 * serialised size exceeds {@code maxEventBytes} is poison without being sent. When a retryable failure interrupts
 * this, the answer is a {@link SendResult.RetryRest} naming the events already delivered or found poison: the
 * delivery core records them and sends only the rest again; the sink keeps nothing between sends.
 *
 * <pre>{@code
 * new HttpSink("abuse", URI.create("http://abuse.internal/api/events"),
 *     Map.of("CF-Access-Client-Id", id, "CF-Access-Client-Secret", secret),
 *     Duration.ofSeconds(10), Duration.ofSeconds(2), HttpSink.Options.isolating(Format.ENVELOPE, "auditweave", 1 << 20));
 * }</pre>
 *
 * <p><b>Signing</b> ({@code auditweave.sink.<name>.signing-secret-env}): every request carries the Standard Webhooks
 * headers of a {@link WebhookSigner}; its {@code webhook-id} is derived from the ids of the events it carries.
 */
public final class HttpSink implements NamedSink {

    private static final Logger LOG = Loggers.get(HttpSink.class);
    private static final int BODY_EXCERPT = 300;
    private static final Object DELIVERED = new Object();

    private final String name;
    private final URI url;
    private final Map<String, String> headers;
    private final Duration timeout;
    private final Duration connectTimeout;
    private final Options options;
    private final WebhookSigner signer;
    private final Clock clock;
    private HttpClient client;

    /**
     * How the sink writes and what it does with refused events.
     *
     * @param format        the body
     * @param source        the CloudEvents {@code source}
     * @param maxEventBytes an event serialised larger than this is poison, never sent
     * @param isolatePoison whether a batch answered 400/422 is bisected to find the refused events; without it,
     *                      such a batch is {@link SendResult.Rejected} as a whole
     */
    public record Options(Format format, String source, int maxEventBytes, boolean isolatePoison) {

        /** The behaviour of the one-sink http sink before named sinks: the envelope, whole batches only. */
        public static final Options WHOLE_BATCHES = new Options(Format.ENVELOPE, "auditweave", Integer.MAX_VALUE, false);

        public static Options isolating(Format format, String source, int maxEventBytes) {
            return new Options(format, source, maxEventBytes, true);
        }
    }

    public HttpSink(URI url, Map<String, String> headers, Duration timeout, Duration connectTimeout) {
        this("http", url, headers, timeout, connectTimeout, Options.WHOLE_BATCHES);
    }

    public HttpSink(String name, URI url, Map<String, String> headers, Duration timeout, Duration connectTimeout,
                    Options options) {
        this(name, url, headers, timeout, connectTimeout, options, null, Clock.systemUTC());
    }

    /**
     * As the other constructors, each request signed by {@code signer} (Standard Webhooks headers) when it is not
     * {@code null}, its {@code webhook-timestamp} read from {@code clock}.
     */
    public HttpSink(String name, URI url, Map<String, String> headers, Duration timeout, Duration connectTimeout,
                    Options options, WebhookSigner signer, Clock clock) {
        this.signer = signer;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.name = name;
        this.url = url;
        this.headers = settable(name, headers);
        this.timeout = timeout;
        this.connectTimeout = connectTimeout;
        this.options = options;
    }

    @Override
    public String name() {
        return name;
    }

    public URI url() {
        return url;
    }

    public Options options() {
        return options;
    }

    @Override
    public SendResult send(List<? extends SinkEvent> batch) {
        Format format = options.format();
        // Per event of this send: DELIVERED or its SendResult.Poison.
        Map<SinkEvent, Object> settled = new IdentityHashMap<>();
        List<SinkEvent> pending = new ArrayList<>(batch.size());
        List<byte[]> items = new ArrayList<>(batch.size());
        for (SinkEvent event : batch) {
            byte[] item = EventJson.item(event, format, options.source());
            if (item.length > options.maxEventBytes()) {
                settled.put(event, new SendResult.Poison(event, "serialised to " + item.length
                        + " bytes, over auditweave.event.max-bytes = " + options.maxEventBytes()));
            } else {
                pending.add(event);
                items.add(item);
            }
        }
        SendResult failure = null;
        if (format.batched()) {
            failure = pending.isEmpty() ? null : post(pending, items, settled);
        } else {
            for (int i = 0; i < pending.size() && failure == null; i++) {
                failure = post(pending.subList(i, i + 1), items.subList(i, i + 1), settled);
            }
        }
        List<SinkEvent> delivered = new ArrayList<>(batch.size());
        List<SendResult.Poison> poisoned = new ArrayList<>();
        for (SinkEvent event : batch) {
            Object outcome = settled.get(event);
            if (outcome == DELIVERED) {
                delivered.add(event);
            } else if (outcome instanceof SendResult.Poison poison) {
                poisoned.add(poison);
            }
        }
        if (failure instanceof SendResult.Retry retry) {
            // The delivery core keeps what was settled and sends only the rest again.
            return settled.isEmpty() ? retry : SendResult.retryRest(delivered, poisoned, retry);
        }
        if (failure != null) {
            return failure;
        }
        return poisoned.isEmpty() ? SendResult.delivered() : new SendResult.Partial(delivered.size(), poisoned);
    }

    /**
     * Sends {@code events} as one request and settles them; on 400/422 bisects when isolating poison. Returns
     * {@code null} when every event is settled, else the failure that stopped it.
     */
    private SendResult post(List<SinkEvent> events, List<byte[]> items, Map<SinkEvent, Object> settled) {
        byte[] body = EventJson.body(items, options.format());
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Content-Type", options.format().contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        if (signer != null) {
            String id = requestId(events);
            long timestamp = clock.instant().getEpochSecond();
            request.header("webhook-id", id)
                    .header("webhook-timestamp", Long.toString(timestamp))
                    .header("webhook-signature", signer.signature(id, timestamp, body));
        }
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
            events.forEach(event -> settled.put(event, DELIVERED));
            return null;
        }
        String reason = "POST " + url + " answered " + status + excerpt(response.body());
        if (status == 429 || status >= 500) {
            return new SendResult.Retry(reason, retryAfter(response));
        }
        if (options.isolatePoison() && (status == 400 || status == 422)) {
            if (events.size() == 1) {
                settled.put(events.get(0), new SendResult.Poison(events.get(0), reason));
                return null;
            }
            int half = events.size() / 2;
            SendResult left = post(events.subList(0, half), items.subList(0, half), settled);
            return left != null ? left
                    : post(events.subList(half, events.size()), items.subList(half, items.size()), settled);
        }
        return new SendResult.Rejected(reason);
    }

    /**
     * The {@code webhook-id} of a request: {@code msg_} and a name-based UUID of its events' ids, so that a retry of
     * the same events (after a timeout, from the spool) carries the same id and a receiver can drop the repeat.
     */
    static String requestId(List<? extends SinkEvent> events) {
        StringBuilder ids = new StringBuilder();
        for (SinkEvent event : events) {
            ids.append(event.id()).append('\n');
        }
        return "msg_" + UUID.nameUUIDFromBytes(ids.toString().getBytes(StandardCharsets.UTF_8));
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
    private static Map<String, String> settable(String sinkName, Map<String, String> headers) {
        String keyPrefix = sinkName.equals("http") ? "auditweave.http.header." : "auditweave.sink." + sinkName + ".header.";
        Map<String, String> accepted = new LinkedHashMap<>();
        headers.forEach((name, value) -> {
            try {
                HttpRequest.newBuilder(URI.create("http://localhost/")).header(name, value);
                accepted.put(name, value);
            } catch (IllegalArgumentException e) {
                LOG.error("auditweave: {}{} cannot be sent ({}); the header is ignored",
                        keyPrefix, name, e.getMessage());
            }
        });
        return Map.copyOf(accepted);
    }
}
