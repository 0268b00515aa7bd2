package dev.auditweave.agent.internal.config;

import dev.auditweave.agent.ConfigException;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The checked settings of auditweave, immutable.
 *
 * <p>Every key is read from, first source wins: agent arguments ({@code -javaagent:auditweave-agent.jar=sink=http,
 * http.url=https://host/api/events}, prefix optional), system properties ({@code -Dauditweave.sink=http}),
 * environment variables ({@code AUDITWEAVE_SINK=http}), a properties file, then the defaults of
 * {@link ConfigKeys}. {@code ${VAR}} and {@code ${VAR:-default}} in any value come from the environment. Every
 * invalid value is a {@link ConfigException} naming key, value, source and expectation; unknown keys are only
 * {@link #warnings()}.
 *
 * <pre>{@code
 * Settings settings = Settings.load(agentArgs);
 * settings.warnings().forEach(warning -> log.warn("auditweave: {}", warning));
 * log.info("auditweave settings:\n{}", settings.describe());
 * if (settings.enabled() && settings.sinks().contains("http")) {
 *     settings.httpUrl().ifPresent(url -> ...);
 * }
 *
 * Settings forTest = Settings.defaults().with(Map.of("auditweave.sink", "memory"));
 * }</pre>
 */
public final class Settings {

    private static final Settings DEFAULTS = new Settings(List.of(), Map.of());

    // Kept so that with() can put overrides on top and resolve everything again, exactly as load() did.
    private final List<Layer> layers;
    private final Map<String, String> environment;
    private final Resolution resolution;
    private final List<SinkSettings> sinkSettings;

    private Settings(List<Layer> layers, Map<String, String> environment) {
        this.layers = List.copyOf(layers);
        this.environment = withoutNulls(environment);
        this.resolution = Resolution.of(this.layers, this.environment);
        this.sinkSettings = SinkSections.of(this, resolution);
    }

    /**
     * The settings of this JVM: {@code agentArgs}, {@link System#getProperties()}, {@link System#getenv()}, the
     * properties file and the defaults.
     *
     * <pre>{@code
     * public static void premain(String agentArgs, Instrumentation inst) {
     *     Settings settings = Settings.load(agentArgs);   // "sink=http,http.url=https://host/api/events"
     * }
     * }</pre>
     *
     * @param agentArgs the text after {@code -javaagent:auditweave-agent.jar=}; {@code null} or empty for none
     * @throws ConfigException on the first invalid value
     */
    public static Settings load(String agentArgs) {
        Map<String, String> systemProperties = new TreeMap<>();
        Properties properties = System.getProperties();
        for (String name : properties.stringPropertyNames()) {
            if (name.startsWith(ConfigKeys.PREFIX)) {
                systemProperties.put(name, properties.getProperty(name));
            }
        }
        return from(agentArgs, systemProperties, System.getenv(), Path.of("").toAbsolutePath());
    }

    /**
     * The settings from the given sources; the only global it reads is the class path resource
     * {@code auditweave.properties}.
     *
     * <pre>{@code
     * Settings settings = Settings.from("sink=http", Map.of("auditweave.http.url", "https://host/api/events"),
     *         Map.of("AUDITWEAVE_BATCH_MAX_EVENTS", "100"), Path.of("/srv/app"));
     * }</pre>
     *
     * @param agentArgs        the agent arguments; {@code null} or empty for none
     * @param systemProperties system properties; only {@code auditweave.*} entries are read
     * @param environment      environment variables, for {@code AUDITWEAVE_*} keys and {@code ${VAR}} references
     * @param workingDirectory where {@code auditweave.properties} and relative {@code auditweave.config.file}
     *                         paths are looked up; {@code null} looks in neither
     * @throws ConfigException on the first invalid value
     */
    public static Settings from(String agentArgs, Map<String, String> systemProperties,
                                Map<String, String> environment, Path workingDirectory) {
        Objects.requireNonNull(systemProperties, "systemProperties");
        Objects.requireNonNull(environment, "environment");
        return new Settings(Sources.read(agentArgs, systemProperties, environment, workingDirectory), environment);
    }

    /**
     * Every key at its default, no source read.
     *
     * <pre>{@code
     * Settings.defaults().sinks();   // [log]
     * }</pre>
     */
    public static Settings defaults() {
        return DEFAULTS;
    }

    /**
     * A copy with {@code overrides} above every other source, checked like {@link #load}. Keys carry the
     * {@code auditweave.} prefix; {@code ${VAR}} references resolve against the environment this copy was loaded
     * with; files are not read again.
     *
     * <pre>{@code
     * Settings settings = Settings.defaults().with(Map.of(
     *         "auditweave.sink", "memory",
     *         "auditweave.batch.max-delay-ms", "0"));
     * }</pre>
     *
     * @throws ConfigException on the first invalid value
     */
    public Settings with(Map<String, String> overrides) {
        List<Layer> withOverrides = new ArrayList<>();
        withOverrides.add(Sources.overrides(overrides));
        withOverrides.addAll(layers);
        return new Settings(withOverrides, environment);
    }

    /**
     * A copy that also reads the class path resource {@code auditweave.properties} of {@code loader}, when no
     * properties file was read so far: for the agent, which starts before the application's class loader exists
     * (a Spring Boot fat jar's {@code BOOT-INF/classes}) and meets it with the first annotated class.
     *
     * @throws ConfigException when that file holds an invalid value
     */
    public Settings withClassPathFileOf(ClassLoader loader) {
        if (layers.size() != Sources.BEFORE_FILE) {
            return this;
        }
        return Sources.classPathFile(loader).map(file -> {
            List<Layer> withFile = new ArrayList<>(layers);
            withFile.add(file);
            return new Settings(withFile, environment);
        }).orElse(this);
    }

    /**
     * The typed value of any key of {@link ConfigKeys}, for keys without an accessor of their own.
     *
     * <pre>{@code
     * int maxEvents = settings.get(ConfigKeys.BATCH_MAX_EVENTS);
     * }</pre>
     */
    public <T> T get(ConfigKey<T> key) {
        Object value = resolution.values().get(key);
        if (value == null) {
            throw new IllegalArgumentException("not a key of ConfigKeys: " + key);
        }
        @SuppressWarnings("unchecked") // Safe: each key's value was produced by that key's own type.
        T typed = (T) value;
        return typed;
    }

    /** {@code auditweave.enabled}: {@code false} instruments nothing. */
    public boolean enabled() {
        return get(ConfigKeys.ENABLED);
    }

    /**
     * {@code auditweave.sink}: the sinks to deliver to, lower case, without duplicates, such as {@code [log]} or
     * {@code [log, http]}; empty for {@code none}.
     */
    public List<String> sinks() {
        return get(ConfigKeys.SINK);
    }

    /** {@code auditweave.http.url}: empty when unset or empty, which makes the http sink a silent no-op. */
    public Optional<URI> httpUrl() {
        return get(ConfigKeys.HTTP_URL);
    }

    /**
     * {@code auditweave.http.header.<Header-Name>}: header name (as written by the winning source) to resolved
     * value, in order of first appearance. Headers whose value is empty are left out.
     */
    public Map<String, String> httpHeaders() {
        return resolution.headers();
    }

    /** {@code auditweave.http.timeout-ms}. */
    public Duration httpTimeout() {
        return get(ConfigKeys.HTTP_TIMEOUT);
    }

    /** {@code auditweave.http.connect-timeout-ms}. */
    public Duration httpConnectTimeout() {
        return get(ConfigKeys.HTTP_CONNECT_TIMEOUT);
    }

    /** {@code auditweave.batch.max-events}. */
    public int batchMaxEvents() {
        return get(ConfigKeys.BATCH_MAX_EVENTS);
    }

    /** {@code auditweave.batch.max-delay-ms}. */
    public Duration batchMaxDelay() {
        return get(ConfigKeys.BATCH_MAX_DELAY);
    }

    /** {@code auditweave.queue.capacity}. */
    public int queueCapacity() {
        return get(ConfigKeys.QUEUE_CAPACITY);
    }

    /** {@code auditweave.retry.max-attempts}: attempts per batch, the first included. */
    public int retryMaxAttempts() {
        return get(ConfigKeys.RETRY_MAX_ATTEMPTS);
    }

    /** {@code auditweave.retry.initial-backoff-ms}. */
    public Duration retryInitialBackoff() {
        return get(ConfigKeys.RETRY_INITIAL_BACKOFF);
    }

    /** {@code auditweave.retry.max-backoff-ms}: never below {@link #retryInitialBackoff()}. */
    public Duration retryMaxBackoff() {
        return get(ConfigKeys.RETRY_MAX_BACKOFF);
    }

    /** {@code auditweave.spool.dir}: the spool's root directory; empty when the spool is off. */
    public Optional<Path> spoolDir() {
        return get(ConfigKeys.SPOOL_DIR).map(Path::of);
    }

    /** {@code auditweave.spool.max-bytes}: the most one sink's spool may hold on disk. */
    public long spoolMaxBytes() {
        return get(ConfigKeys.SPOOL_MAX_BYTES);
    }

    /** {@code auditweave.spool.fsync-interval-ms}: the longest a spooled record waits for its fsync. */
    public Duration spoolFsyncInterval() {
        return get(ConfigKeys.SPOOL_FSYNC_INTERVAL);
    }

    /** {@code auditweave.shutdown.timeout-ms}: how long delivery may drain at JVM exit. */
    public Duration shutdownTimeout() {
        return get(ConfigKeys.SHUTDOWN_TIMEOUT);
    }

    // ---- Several destinations (issue #4) ----

    /** {@code auditweave.sinks}: the named sinks, lower case; empty when the shorthand {@code auditweave.sink} applies. */
    public List<String> namedSinks() {
        return get(ConfigKeys.SINKS);
    }

    /** {@code auditweave.transaction.max-events}: the most events one transaction holds until its commit. */
    public int transactionMaxEvents() {
        return get(ConfigKeys.TRANSACTION_MAX_EVENTS);
    }

    /**
     * The value of the environment variable {@code name} in the environment these settings were read from; empty
     * when it is unset or empty. For secrets a key names ({@code auditweave.redact.key-env}, a sink's
     * {@code *-env} settings), which are never copied into a setting's value.
     */
    public Optional<String> environmentVariable(String name) {
        String value = environment.get(name);
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    /** The name of the environment variable with the key of {@code @Field(redact = HASH)}. */
    public String redactKeyEnv() {
        return get(ConfigKeys.REDACT_KEY_ENV);
    }

    /** {@code auditweave.snapshot.max-depth}: the deepest nesting of containers copied into a field. */
    public int snapshotMaxDepth() {
        return get(ConfigKeys.SNAPSHOT_MAX_DEPTH);
    }

    /** {@code auditweave.snapshot.max-elements}: the most entries copied from one map, list or array. */
    public int snapshotMaxElements() {
        return get(ConfigKeys.SNAPSHOT_MAX_ELEMENTS);
    }

    /** {@code auditweave.event.max-bytes}: the largest serialised event an http sink sends. */
    public int eventMaxBytes() {
        return get(ConfigKeys.EVENT_MAX_BYTES);
    }

    /**
     * Every destination, checked: the named sinks of {@code auditweave.sinks} with their own keys (falling back to
     * the global ones), or else one per entry of {@code auditweave.sink}, named after its type, with the global
     * keys: {@code auditweave.sink=log,http} is the shorthand of two sinks named {@code log} and {@code http}.
     */
    public List<SinkSettings> sinkSettings() {
        return sinkSettings;
    }

    /**
     * The settings of the named sink {@code name} ({@code auditweave.sink.<name>.*}) for its provider to read; none
     * for a sink of the shorthand {@code auditweave.sink}.
     */
    public SinkOptions sinkOptions(String name) {
        return resolution.sinkOptions().getOrDefault(name, SinkOptions.none(name));
    }

    // ---- Declared emit sites and switching sites off (issue #15) ----

    /**
     * The emit sites declared by the keys {@code auditweave.emit.<id>.*}, each with its method and type.
     *
     * <pre>{@code
     * Settings settings = Settings.defaults().with(Map.of(
     *         "auditweave.emit.parse.method", "com.fasterxml.jackson.databind.ObjectMapper#readTree(java.lang.String)",
     *         "auditweave.emit.parse.type", "json.parsed"));
     * settings.declaredEmits().get(0).method().methodName();   // "readTree"
     * }</pre>
     */
    public List<DeclaredEmit> declaredEmits() {
        return resolution.declaredEmits();
    }

    /** {@code auditweave.disable.methods}: the methods none of whose sites emit. */
    public List<MethodRef> disabledMethods() {
        return get(ConfigKeys.DISABLE_METHODS);
    }

    /** {@code auditweave.disable.types}: the event type patterns whose sites emit nothing. */
    public List<String> disabledTypes() {
        return get(ConfigKeys.DISABLE_TYPES);
    }

    /**
     * Where a key of the table was set, for messages ({@code system property}); {@code default} when no source set
     * it.
     */
    public String originOf(ConfigKey<?> key) {
        RawValue value = resolution.explicit().get(key);
        return value == null ? Origin.DEFAULT.description() : value.origin().description();
    }

    /**
     * What deserves the user's attention without stopping start-up, such as
     * {@code unknown key auditweave.htp.url (system property); did you mean auditweave.http.url?}. Not logged
     * here: the caller reports them once.
     */
    public List<String> warnings() {
        return resolution.warnings();
    }

    /**
     * One line {@code key = value (source)} per key some source set, in table order, headers last; header values
     * show as {@code ***} and passwords in URLs are hidden. Empty when everything is at its default.
     *
     * <pre>{@code
     * auditweave.sink = log,http (agent argument)
     * auditweave.http.url = https://host/api/events (environment variable AUDITWEAVE_HTTP_URL)
     * auditweave.http.header.X-Api-Key = *** (system property)
     * }</pre>
     */
    public String describe() {
        return SettingsDescription.of(resolution);
    }

    /** Like {@link #describe()}, on one line; safe to log. */
    @Override
    public String toString() {
        return "Settings[" + describe().replace("\n", ", ") + "]";
    }

    private static Map<String, String> withoutNulls(Map<String, String> map) {
        Map<String, String> copy = new HashMap<>();
        map.forEach((key, value) -> {
            if (key != null && value != null) {
                copy.put(key, value);
            }
        });
        return Map.copyOf(copy);
    }

    // ---- Settings from a framework's configuration (the Spring Boot starter) ----

    /**
     * The settings from values a framework gathered from its own configuration, such as Spring's
     * {@code Environment}, checked like {@link #load}: the first invalid value is a {@link ConfigException} naming
     * key, value, origin and expectation. No other source is read (no system property, no file); {@code ${VAR}}
     * references resolve against {@code environment}.
     *
     * <pre>{@code
     * Map<String, String> values = new LinkedHashMap<>();   // highest precedence first
     * values.put("AUDITWEAVE_HTTP_URL", "https://host/api/events");   // environment-variable form
     * values.put("auditweave.sink", "http");
     * Settings settings = Settings.fromValues(values,
     *         Map.of("auditweave.sink", "class path resource [application.properties] - 1:17"), System.getenv());
     * }</pre>
     *
     * @param values      keys ({@code auditweave.batch.max-events}) or environment-variable names
     *                    ({@code AUDITWEAVE_BATCH_MAX_EVENTS}) to their text, highest precedence first: when two
     *                    names stand for the same key, the first wins
     * @param origins     where each name came from, in the words of the messages; a name without one is from
     *                    "configuration" (environment-variable names always read "environment variable NAME")
     * @param environment environment variables, for {@code ${VAR}} references
     * @throws ConfigException on the first invalid value
     */
    public static Settings fromValues(Map<String, String> values, Map<String, String> origins,
                                      Map<String, String> environment) {
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(origins, "origins");
        Objects.requireNonNull(environment, "environment");
        return new Settings(List.of(FrameworkValues.layer(values, origins, "configuration")), environment);
    }
}
