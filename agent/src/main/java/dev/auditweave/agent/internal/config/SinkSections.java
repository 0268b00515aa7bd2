package dev.auditweave.agent.internal.config;

import dev.auditweave.agent.ConfigException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The destinations of one set of settings, checked: the named sinks of {@code auditweave.sinks} with their own keys
 * {@code auditweave.sink.<name>.*} (falling back to the global ones), or else one per entry of the shorthand
 * {@code auditweave.sink}, named after its type, with the global keys.
 */
final class SinkSections {

    private SinkSections() {
    }

    /** @throws ConfigException when a named sink's settings do not fit together */
    static List<SinkSettings> of(Settings settings, Resolution resolution) {
        List<SinkSettings> all = new ArrayList<>();
        if (settings.namedSinks().isEmpty()) {
            for (String type : settings.sinks()) {
                all.add(SinkSettings.global(settings, type, settings.httpHeaders()));
            }
            return List.copyOf(all);
        }
        for (String name : settings.namedSinks()) {
            all.add(named(settings, resolution, name));
        }
        return List.copyOf(all);
    }

    private static SinkSettings named(Settings settings, Resolution resolution, String name) {
        Map<KeyFamily, RawValue> own = resolution.sinkValues().getOrDefault(name, Map.of());
        Duration initial = value(own, SinkKeys.RETRY_INITIAL_BACKOFF, settings.retryInitialBackoff());
        Duration max = value(own, SinkKeys.RETRY_MAX_BACKOFF, settings.retryMaxBackoff());
        if (max.compareTo(initial) < 0) {
            String key = SinkKeys.RETRY_MAX_BACKOFF.keyFor(name);
            throw new ConfigException(key, key + " = '" + max.toMillis() + "': expected at least the initial"
                    + " backoff of sink " + name + ", " + initial.toMillis() + " ms");
        }
        return new SinkSettings(name, value(own, SinkKeys.TYPE, ""),
                httpUrl(own, value(own, SinkKeys.TYPE, "")),
                value(own, SinkKeys.EVENT_TYPES, SinkSettings.ALL_TYPES),
                resolution.sinkHeaders().getOrDefault(name, Map.of()),
                value(own, SinkKeys.FORMAT, "envelope"),
                value(own, SinkKeys.SOURCE, "auditweave"),
                value(own, SinkKeys.TIMEOUT, settings.httpTimeout()),
                value(own, SinkKeys.CONNECT_TIMEOUT, settings.httpConnectTimeout()),
                value(own, SinkKeys.BATCH_MAX_EVENTS, settings.batchMaxEvents()),
                value(own, SinkKeys.BATCH_MAX_DELAY, settings.batchMaxDelay()),
                value(own, SinkKeys.QUEUE_CAPACITY, settings.queueCapacity()),
                value(own, SinkKeys.RETRY_MAX_ATTEMPTS, settings.retryMaxAttempts()),
                initial, max, settings.eventMaxBytes());
    }

    /**
     * The {@code url} of a named sink of type http, which must be an http or https URL; none for the other types,
     * whose providers read and check their {@code url} themselves (a jdbc sink's {@code jdbc:} URL).
     */
    private static Optional<URI> httpUrl(Map<KeyFamily, RawValue> own, String type) {
        RawValue value = own.get(SinkKeys.URL);
        if (value == null || !type.equals("http")) {
            return Optional.empty();
        }
        ValueType<Optional<URI>> http = ValueTypes.httpUrl();
        try {
            return http.parse(value.text());
        } catch (IllegalArgumentException e) {
            throw ConfigException.invalid(value.key(), http.shown(value.text()), value.origin().description(),
                    e.getMessage());
        }
    }

    /** The typed value of one key of a named sink, or {@code fallback} when no source set it. */
    @SuppressWarnings("unchecked") // Safe: every sink family's type is checked(...) of the value type its caller expects.
    private static <T> T value(Map<KeyFamily, RawValue> own, KeyFamily family, T fallback) {
        RawValue value = own.get(family);
        if (value == null) {
            return fallback;
        }
        return ((Checked<T>) family.type()).typed().parse(value.text());
    }
}
