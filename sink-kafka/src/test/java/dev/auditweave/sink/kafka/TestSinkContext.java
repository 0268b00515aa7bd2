package dev.auditweave.sink.kafka;

import dev.auditweave.agent.ConfigException;
import dev.auditweave.agent.metrics.AuditweaveMetrics;
import dev.auditweave.agent.spi.SinkContext;
import dev.auditweave.agent.spi.SinkEvent;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link SinkContext} over a map of settings, for the unit tests: sink {@code events}, values from "test", the
 * event encoded as {@code {"id":"<id>"}}, warnings kept in {@link #warnings}.
 */
final class TestSinkContext implements SinkContext {

    final List<String> warnings = new ArrayList<>();
    private final Map<String, String> settings;

    TestSinkContext(Map<String, String> settings) {
        this.settings = new LinkedHashMap<>(settings);
    }

    @Override
    public String name() {
        return "events";
    }

    @Override
    public String type() {
        return "kafka";
    }

    @Override
    public String key(String setting) {
        return "auditweave.sink.events." + setting;
    }

    @Override
    public Optional<String> string(String setting) {
        return Optional.ofNullable(settings.get(setting)).filter(text -> !text.isEmpty());
    }

    @Override
    public String requireString(String setting) {
        return string(setting).orElseThrow(() -> invalid(setting, "expected a value"));
    }

    @Override
    public int integer(String setting, int defaultValue, int min, int max) {
        return string(setting).map(Integer::parseInt).orElse(defaultValue);
    }

    @Override
    public boolean bool(String setting, boolean defaultValue) {
        return string(setting).map(Boolean::parseBoolean).orElse(defaultValue);
    }

    @Override
    public Duration millis(String setting, Duration defaultValue, Duration min, Duration max) {
        return string(setting).map(text -> Duration.ofMillis(Long.parseLong(text))).orElse(defaultValue);
    }

    @Override
    public URI uri(String setting) {
        return URI.create(requireString(setting));
    }

    @Override
    public Path path(String setting) {
        return Path.of(requireString(setting));
    }

    @Override
    public Map<String, String> withPrefix(String prefix) {
        Map<String, String> found = new LinkedHashMap<>();
        settings.forEach((setting, value) -> {
            if (setting.startsWith(prefix)) {
                found.put(setting.substring(prefix.length()), value);
            }
        });
        return found;
    }

    @Override
    public ConfigException invalid(String setting, String problem) {
        String value = settings.get(setting);
        return value == null ? new ConfigException(key(setting), key(setting) + " is not set: " + problem)
                : ConfigException.invalid(key(setting), value, "test", problem);
    }

    @Override
    public byte[] encode(SinkEvent event) {
        return ("{\"id\":\"" + event.id() + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public AuditweaveMetrics metrics() {
        throw new UnsupportedOperationException("not in the unit tests");
    }

    @Override
    public void warn(String message, Throwable cause) {
        warnings.add(message);
    }

    @Override
    public void info(String message) {
    }
}
