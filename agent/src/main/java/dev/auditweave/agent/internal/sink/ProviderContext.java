package dev.auditweave.agent.internal.sink;

import dev.auditweave.agent.ConfigException;
import dev.auditweave.agent.internal.config.SinkOptions;
import dev.auditweave.agent.internal.config.SinkSettings;
import dev.auditweave.agent.internal.log.Loggers;
import dev.auditweave.agent.internal.log.RateLimitedLogger;
import dev.auditweave.agent.internal.metrics.Counters;
import dev.auditweave.agent.metrics.AuditweaveMetrics;
import dev.auditweave.agent.spi.SinkContext;
import dev.auditweave.agent.spi.SinkEvent;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;

/**
 * The {@link SinkContext} of one configured sink: its {@link SinkOptions}, remembering which settings its provider
 * read; its counters once the runtime bound them; its format; a logger {@code dev.auditweave.sink.<name>}. The
 * built-in providers also read the checked {@link SinkSettings} through {@link #of(SinkContext)}.
 */
public final class ProviderContext implements SinkContext {

    private static final AuditweaveMetrics NOTHING_YET = new Counters().snapshot();

    private final SinkSettings settings;
    private final SinkOptions options;
    private final boolean named;
    private final Format format;
    private final Logger log;
    private final RateLimitedLogger warn;
    private final Set<String> read = ConcurrentHashMap.newKeySet();
    private final Function<String, Optional<String>> environment;
    private volatile Supplier<AuditweaveMetrics> metrics = () -> NOTHING_YET;

    /**
     * @param settings the sink's checked settings
     * @param options  its settings as text, for its provider
     * @param named    whether it is a named sink of {@code auditweave.sinks} (else one of the shorthand)
     */
    public ProviderContext(SinkSettings settings, SinkOptions options, boolean named) {
        this(settings, options, named, variable -> Optional.ofNullable(System.getenv(variable))
                .filter(value -> !value.isEmpty()));
    }

    /**
     * @param environment the environment variables the settings were read from, by name (empty when unset), for
     *                    the secrets a setting names ({@code signing-secret-env}, {@code password-env})
     */
    public ProviderContext(SinkSettings settings, SinkOptions options, boolean named,
                           Function<String, Optional<String>> environment) {
        this.environment = environment;
        this.settings = settings;
        this.options = options;
        this.named = named;
        this.format = Format.of(settings.format());
        this.log = Loggers.get("dev.auditweave.sink." + settings.name());
        this.warn = new RateLimitedLogger(log, 60);
    }

    /**
     * The context a built-in provider was given, as this class.
     *
     * @throws IllegalArgumentException for a context of another kind (a test's), naming it
     */
    static ProviderContext of(SinkContext context) {
        if (context instanceof ProviderContext own) {
            return own;
        }
        throw new IllegalArgumentException("the built-in sinks are made from the runtime's own context, not from "
                + context.getClass().getName());
    }

    /** The sink's checked settings. */
    SinkSettings settings() {
        return settings;
    }

    /** The environment variable {@code name}, empty when unset or empty: for a secret a setting names. */
    Optional<String> environmentVariable(String name) {
        return environment.apply(name);
    }

    /** Whether the sink is a named one of {@code auditweave.sinks}, not one of the shorthand {@code auditweave.sink}. */
    boolean named() {
        return named;
    }

    /** Makes {@link #metrics()} read the sink's counters, once the runtime made them. */
    public void bindMetrics(Supplier<AuditweaveMetrics> counters) {
        this.metrics = counters;
    }

    /** The warnings about settings of the sink's own that its provider did not read. */
    public List<String> unreadWarnings() {
        return options.unreadWarnings(Set.copyOf(read), settings.type());
    }

    @Override
    public String name() {
        return settings.name();
    }

    @Override
    public String type() {
        return settings.type();
    }

    @Override
    public String key(String setting) {
        return options.key(setting);
    }

    @Override
    public Optional<String> string(String setting) {
        return options.string(mark(setting));
    }

    @Override
    public String requireString(String setting) {
        return options.requireString(mark(setting));
    }

    @Override
    public int integer(String setting, int defaultValue, int min, int max) {
        return options.integer(mark(setting), defaultValue, min, max);
    }

    @Override
    public boolean bool(String setting, boolean defaultValue) {
        return options.bool(mark(setting), defaultValue);
    }

    @Override
    public Duration millis(String setting, Duration defaultValue, Duration min, Duration max) {
        return options.millis(mark(setting), defaultValue, min, max);
    }

    @Override
    public URI uri(String setting) {
        return options.uri(mark(setting));
    }

    @Override
    public Path path(String setting) {
        return options.path(mark(setting));
    }

    @Override
    public Map<String, String> withPrefix(String prefix) {
        Map<String, String> found = options.withPrefix(prefix);
        String start = prefix.toLowerCase(Locale.ROOT);
        found.keySet().forEach(rest -> read.add(start + rest));
        return found;
    }

    @Override
    public ConfigException invalid(String setting, String problem) {
        return options.invalid(mark(setting), problem);
    }

    @Override
    public byte[] encode(SinkEvent event) {
        return EventJson.item(event, format, settings.source());
    }

    @Override
    public AuditweaveMetrics metrics() {
        return metrics.get();
    }

    @Override
    public void warn(String message, Throwable cause) {
        warn.warn(String.valueOf(message), "auditweave: sink {}: {}", settings.name(), message, cause);
    }

    @Override
    public void info(String message) {
        log.info("auditweave: sink {}: {}", settings.name(), message);
    }

    private String mark(String setting) {
        read.add(setting.toLowerCase(Locale.ROOT));
        return setting;
    }
}
