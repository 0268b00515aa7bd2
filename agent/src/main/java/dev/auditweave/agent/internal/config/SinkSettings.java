package dev.auditweave.agent.internal.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything one destination needs, checked: a named sink of {@code auditweave.sinks}, or one of the shorthand
 * {@code auditweave.sink=log,http} (named after its type, with the global keys).
 *
 * <pre>{@code
 * // auditweave.sinks=abuse,audit
 * // auditweave.sink.abuse.type=http
 * // auditweave.sink.abuse.url=https://abuse.internal/api/events
 * // auditweave.sink.abuse.types=user.*,org.*
 * for (SinkSettings sink : settings.sinkSettings()) {
 *     sink.name();        // abuse
 *     sink.eventTypes();  // [user.*, org.*]
 * }
 * }</pre>
 *
 * @param name                lower case; the sink's thread, log lines, metrics and MBean carry it
 * @param type                http, log or memory
 * @param url                 the endpoint of an http sink; empty makes it a silent no-op
 * @param eventTypes          type patterns ({@code *} = any text) of the events the sink receives
 * @param headers             HTTP headers, resolved; never log the values
 * @param format              envelope, flat, cloudevents or cloudevents-batch
 * @param source              the CloudEvents {@code source}
 * @param timeout             timeout of one request
 * @param connectTimeout      timeout of establishing a connection
 * @param batchMaxEvents      most events in one batch
 * @param batchMaxDelay       longest an event waits for its batch
 * @param queueCapacity       events held for this sink
 * @param retryMaxAttempts    attempts per batch, the first included
 * @param retryInitialBackoff wait before the first retry
 * @param retryMaxBackoff     longest wait between retries
 * @param maxEventBytes       largest serialised event an http sink sends
 */
public record SinkSettings(String name, String type, Optional<URI> url, List<String> eventTypes,
                           Map<String, String> headers, String format, String source, Duration timeout,
                           Duration connectTimeout, int batchMaxEvents, Duration batchMaxDelay, int queueCapacity,
                           int retryMaxAttempts, Duration retryInitialBackoff, Duration retryMaxBackoff,
                           int maxEventBytes) {

    /** Every type pattern: the sink receives all events. */
    public static final List<String> ALL_TYPES = List.of("*");

    public SinkSettings {
        eventTypes = List.copyOf(eventTypes);
        headers = Map.copyOf(headers);
    }

    /**
     * A sink named {@code name}, of the type of the same name, with the global keys of {@code settings}
     * ({@code auditweave.http.*}, {@code auditweave.batch.*}, ...) and every event type.
     *
     * <pre>{@code
     * SinkSettings http = SinkSettings.global(settings, "http", settings.httpHeaders());
     * }</pre>
     */
    public static SinkSettings global(Settings settings, String name, Map<String, String> headers) {
        return new SinkSettings(name, name, settings.httpUrl(), ALL_TYPES, headers, "envelope", "auditweave",
                settings.httpTimeout(), settings.httpConnectTimeout(), settings.batchMaxEvents(),
                settings.batchMaxDelay(), settings.queueCapacity(), settings.retryMaxAttempts(),
                settings.retryInitialBackoff(), settings.retryMaxBackoff(), settings.eventMaxBytes());
    }

    /** Whether the sink receives every event type. */
    public boolean receivesAllTypes() {
        return eventTypes.contains("*");
    }
}
