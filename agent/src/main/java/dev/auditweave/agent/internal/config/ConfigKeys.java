package dev.auditweave.agent.internal.config;

import static dev.auditweave.agent.internal.config.ValueTypes.bool;
import static dev.auditweave.agent.internal.config.ValueTypes.methodRefs;
import static dev.auditweave.agent.internal.config.ValueTypes.optionalTypePatterns;
import static dev.auditweave.agent.internal.config.ValueTypes.cidrList;
import static dev.auditweave.agent.internal.config.ValueTypes.sinkNames;
import static dev.auditweave.agent.internal.config.ValueTypes.text;
import static dev.auditweave.agent.internal.config.ValueTypes.byteCount;
import static dev.auditweave.agent.internal.config.ValueTypes.httpUrl;
import static dev.auditweave.agent.internal.config.ValueTypes.millis;
import static dev.auditweave.agent.internal.config.ValueTypes.nameList;
import static dev.auditweave.agent.internal.config.ValueTypes.optionalText;
import static dev.auditweave.agent.internal.config.ValueTypes.secretHeaderValue;
import static dev.auditweave.agent.internal.config.ValueTypes.wholeNumber;

import dev.auditweave.agent.internal.context.Cidr;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The table of every key auditweave understands: the single place to add one. The families of the named sinks and
 * of the declared emit sites are in {@link SinkKeys} and {@link EmitKeys}, and part of this table.
 *
 * <p>Adding a key is one {@link #register} line here plus, if it deserves one, an accessor on {@link Settings};
 * {@link Settings#get(ConfigKey)} reads any key without one. The configuration table of docs/configuration.md is generated from
 * this class:
 *
 * <pre>{@code
 * List<String> names = ConfigKeys.keys().stream().map(ConfigKey::name).toList();
 * String readmeTable = ConfigKeys.markdownTable();
 * }</pre>
 */
public final class ConfigKeys {

    /** Every key starts with this. */
    public static final String PREFIX = "auditweave.";

    /** The sinks {@code auditweave.sink} can name besides {@value #NO_SINK}. */
    public static final List<String> SINK_NAMES = List.of("log", "http", "memory");

    /** The sink value that means "deliver nowhere"; it cannot be combined with others. */
    public static final String NO_SINK = "none";

    private static final long HOUR_MS = 3_600_000L;
    /** What an HTTP header name may hold (RFC 9110 token); also of the headers of {@link SinkKeys#HEADER}. */
    static final Pattern HTTP_TOKEN = Pattern.compile("[!#$%&'*+\\-.^_`|~0-9A-Za-z]+");

    // Declared before the keys: register() fills it as the keys below are initialised, in table order.
    private static final List<ConfigKey<?>> KEYS = new ArrayList<>();

    public static final ConfigKey<Boolean> ENABLED = register("auditweave.enabled", "true", bool(),
            "false = instrument nothing");

    public static final ConfigKey<List<String>> SINK = register("auditweave.sink", "log",
            nameList(SINK_NAMES, NO_SINK),
            "where events go; none (deliver nowhere) cannot be combined with others");

    public static final ConfigKey<Optional<URI>> HTTP_URL = register("auditweave.http.url", "", httpUrl(),
            "endpoint of the http sink; empty or unset makes the http sink a silent no-op");

    public static final ConfigKey<Duration> HTTP_TIMEOUT = register("auditweave.http.timeout-ms", "10000",
            millis(1, HOUR_MS), "timeout of one HTTP request");

    public static final ConfigKey<Duration> HTTP_CONNECT_TIMEOUT = register("auditweave.http.connect-timeout-ms",
            "2000", millis(1, HOUR_MS), "timeout of establishing an HTTP connection");

    public static final ConfigKey<Integer> BATCH_MAX_EVENTS = register("auditweave.batch.max-events", "500",
            wholeNumber(1, 100_000), "most events sent in one batch");

    public static final ConfigKey<Duration> BATCH_MAX_DELAY = register("auditweave.batch.max-delay-ms", "1000",
            millis(0, HOUR_MS), "longest an event waits for its batch to fill");

    public static final ConfigKey<Integer> QUEUE_CAPACITY = register("auditweave.queue.capacity", "262144",
            wholeNumber(1, 10_000_000),
            "most events held for delivery, per sink, rounded up to a power of two (at least 4); the queue grows in chunks of 1024"
                    + " and gives them back once drained; when full, new events are dropped and counted");

    public static final ConfigKey<Long> QUEUE_MAX_BYTES = register("auditweave.queue.max-bytes", "67108864",
            byteCount(1024, Long.MAX_VALUE / 2),
            "most heap the events held for delivery may take, per sink, as estimated from their fields (default"
                    + " 64 MiB); beyond it new events are dropped and counted (QUEUE_FULL)");

    public static final ConfigKey<Integer> RETRY_MAX_ATTEMPTS = register("auditweave.retry.max-attempts", "5",
            wholeNumber(1, 100), "attempts per batch, including the first");

    public static final ConfigKey<Duration> RETRY_INITIAL_BACKOFF = register("auditweave.retry.initial-backoff-ms",
            "200", millis(0, HOUR_MS), "wait before the first retry; doubles with each further one");

    public static final ConfigKey<Duration> RETRY_MAX_BACKOFF = register("auditweave.retry.max-backoff-ms",
            "30000", millis(0, HOUR_MS), "longest wait between retries; at least auditweave.retry.initial-backoff-ms");

    public static final ConfigKey<Duration> SHUTDOWN_TIMEOUT = register("auditweave.shutdown.timeout-ms", "5000",
            millis(0, HOUR_MS), "how long delivery may drain the queue at JVM exit");

    public static final ConfigKey<Optional<String>> SPOOL_DIR = register("auditweave.spool.dir", "",
            optionalText("a directory path, or empty for none"),
            "directory where what cannot be delivered now is kept on disk and replayed later (one subdirectory per"
                    + " sink); unset: no spool, such events are dropped and counted");

    public static final ConfigKey<Long> SPOOL_MAX_BYTES = register("auditweave.spool.max-bytes", "268435456",
            byteCount(65_536, Long.MAX_VALUE / 2),
            "most bytes the spool of one sink may hold on disk (default 256 MiB); beyond it new events are dropped"
                    + " and counted");

    public static final ConfigKey<Duration> SPOOL_FSYNC_INTERVAL = register("auditweave.spool.fsync-interval-ms",
            "200", millis(1, 1000),
            "longest time spooled events wait for their group fsync (done by the spool's writer thread, never the"
                    + " caller's); bounds what a crash can lose of the spool");

    public static final ConfigKey<Optional<String>> CONFIG_FILE = register("auditweave.config.file", "",
            optionalText("a path to a properties file"),
            "properties file to read (keys with the auditweave. prefix); only read from agent arguments, system"
                    + " properties or the environment; unset: ./auditweave.properties, then the class path resource"
                    + " auditweave.properties, if present");

    public static final KeyFamily HTTP_HEADER = new KeyFamily("auditweave.http.header.<Header-Name>",
            name -> HTTP_TOKEN.matcher(name).matches(),
            "a header name made of letters, digits and !#$%&'*+-.^_`|~", true, secretHeaderValue(),
            "one key per HTTP header of the http sink; the value may use ${ENV_VAR}; header names ignore case;"
                    + " values are never shown");

    // ---- Several destinations (issue #4): auditweave.sinks, auditweave.sink.<name>.*, auditweave.event.max-bytes ----

    public static final ConfigKey<List<String>> SINKS = register("auditweave.sinks", "", sinkNames(),
            "named sinks, each with its own queue and worker, configured by the keys auditweave.sink.NAME.*; when set,"
                    + " auditweave.sink, auditweave.http.url and auditweave.http.header.* are not used");

    public static final ConfigKey<Integer> EVENT_MAX_BYTES = register("auditweave.event.max-bytes", "1048576",
            wholeNumber(64, 64 * 1024 * 1024),
            "largest serialised event an http sink sends; a larger one is poison: dead-lettered, never sent");

    // ---- Emit only what happened (issue #9): transactions, enrichment, snapshots ----

    public static final ConfigKey<Integer> TRANSACTION_MAX_EVENTS = register("auditweave.transaction.max-events",
            "10000", wholeNumber(1, 10_000_000),
            "most events one transaction holds until its commit; past it, further events of that transaction are"
                    + " dropped (counted TRANSACTION_FULL, logged once a minute)");

    public static final ConfigKey<Duration> ENRICH_TIMEOUT = register("auditweave.enrich.timeout-ms", "500",
            millis(1, 60_000),
            "time budget of the enrichers of one event, off the calling thread; past it the event is sent without"
                    + " their fields (counted enrichTimedOut)");

    public static final ConfigKey<Integer> ENRICH_THREADS = register("auditweave.enrich.threads", "2",
            wholeNumber(1, 64), "threads that run enrichers");

    public static final ConfigKey<Integer> ENRICH_QUEUE_CAPACITY = register("auditweave.enrich.queue.capacity",
            "10000", wholeNumber(1, 1_000_000),
            "events waiting for an enrichment thread; past it an event is sent at once without its enriched fields"
                    + " (counted enrichTimedOut)");

    public static final ConfigKey<Integer> SNAPSHOT_MAX_DEPTH = register("auditweave.snapshot.max-depth", "16",
            wholeNumber(1, 64),
            "deepest nesting of maps, lists, arrays and records copied into a field; a deeper one, or one that"
                    + " contains itself, becomes a marker naming its class (the event is still sent)");

    public static final ConfigKey<Integer> SNAPSHOT_MAX_ELEMENTS = register("auditweave.snapshot.max-elements",
            "1000", wholeNumber(1, 1_000_000),
            "most entries copied from one map, list or array into a field; the rest are left out, and a last"
                    + " entry says how many");

    // ---- Redacted fields (issue #12) ----

    public static final ConfigKey<String> REDACT_KEY_ENV = register("auditweave.redact.key-env",
            "AUDITWEAVE_REDACT_KEY", text("the name of an environment variable, such as AUDITWEAVE_REDACT_KEY"),
            "the environment variable holding the key (at least 16 bytes) of @Field(redact = HASH), an HMAC-SHA256;"
                    + " without it, every annotation with a HASH field is disabled at start-up");

    // ---- Context that travels with the event (issue #13) ----

    public static final ConfigKey<List<Cidr>> CONTEXT_TRUSTED_PROXIES = register(
            "auditweave.context.trusted-proxies", "", cidrList(),
            "proxies (IP addresses and CIDR blocks) whose Forwarded and X-Forwarded-For headers REQUEST.ip believes;"
                    + " from any other peer those headers are ignored and the peer is the client");

    // ---- Declared emit sites and switching sites off (issue #15) ----

    public static final ConfigKey<List<MethodRef>> DISABLE_METHODS = register("auditweave.disable.methods", "",
            methodRefs(),
            "emit sites switched off by method: neither their annotations nor their declarations emit; in agent mode"
                    + " the methods are not even instrumented");

    public static final ConfigKey<List<String>> DISABLE_TYPES = register("auditweave.disable.types", "",
            optionalTypePatterns(),
            "emit sites switched off by event type: annotations and declarations of these types emit nothing; in agent"
                    + " mode a method whose every site is switched off is not instrumented");

    private static final List<ConfigKey<?>> KEY_LIST = Collections.unmodifiableList(KEYS);
    private static final Map<String, ConfigKey<?>> BY_NAME = byName();
    private static final List<AtLeast<?>> RELATIONS = List.of(new AtLeast<>(RETRY_MAX_BACKOFF, RETRY_INITIAL_BACKOFF));

    private ConfigKeys() {
    }

    /** Every key, in table order. */
    public static List<ConfigKey<?>> keys() {
        return KEY_LIST;
    }

    /** Every family of keys with a user-chosen part: the HTTP headers, then {@link SinkKeys}, then {@link EmitKeys}. */
    public static List<KeyFamily> families() {
        return AllFamilies.LIST;
    }

    /** The key named exactly {@code name} (with prefix), if there is one. */
    public static Optional<ConfigKey<?>> find(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** The key table as Markdown, for docs/configuration.md: every key, then every family ({@link ConfigTable}). */
    public static String markdownTable() {
        return ConfigTable.markdown(KEY_LIST, families());
    }

    /** Rules between keys, checked after each key on its own. */
    static List<AtLeast<?>> relations() {
        return RELATIONS;
    }

    private static <T> ConfigKey<T> register(String name, String defaultText, ValueType<T> type, String description) {
        ConfigKey<T> key = new ConfigKey<>(name, defaultText, type, description);
        KEYS.add(key);
        return key;
    }

    private static Map<String, ConfigKey<?>> byName() {
        Map<String, ConfigKey<?>> byName = new LinkedHashMap<>();
        for (ConfigKey<?> key : KEYS) {
            byName.put(key.name(), key);
        }
        return Collections.unmodifiableMap(byName);
    }

    /**
     * {@code key} must not be below {@code floor}.
     *
     * @param <T> the compared value type
     */
    record AtLeast<T extends Comparable<? super T>>(ConfigKey<T> key, ConfigKey<T> floor) {
    }

    /**
     * Built at the first call of {@link #families()}, not with this class: {@link SinkKeys} reads the delivery keys
     * above as it initialises, so this class must initialise without it.
     */
    private static final class AllFamilies {

        static final List<KeyFamily> LIST = all();

        private static List<KeyFamily> all() {
            List<KeyFamily> all = new ArrayList<>();
            all.add(HTTP_HEADER);
            all.addAll(SinkKeys.families());
            all.addAll(EmitKeys.families());
            return List.copyOf(all);
        }
    }
}
