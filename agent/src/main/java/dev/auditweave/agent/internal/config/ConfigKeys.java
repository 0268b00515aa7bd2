package dev.auditweave.agent.internal.config;

import static dev.auditweave.agent.internal.config.ValueTypes.anyText;
import static dev.auditweave.agent.internal.config.ValueTypes.bool;
import static dev.auditweave.agent.internal.config.ValueTypes.methodRef;
import static dev.auditweave.agent.internal.config.ValueTypes.methodRefs;
import static dev.auditweave.agent.internal.config.ValueTypes.optionalTypePatterns;
import static dev.auditweave.agent.internal.config.ValueTypes.checked;
import static dev.auditweave.agent.internal.config.ValueTypes.cidrList;
import static dev.auditweave.agent.internal.config.ValueTypes.oneOf;
import static dev.auditweave.agent.internal.config.ValueTypes.sinkNames;
import static dev.auditweave.agent.internal.config.ValueTypes.text;
import static dev.auditweave.agent.internal.config.ValueTypes.typePatterns;
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
 * The table of every key auditweave understands: the single place to add one.
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

    /** The built-in types of a named sink ({@code auditweave.sink.<name>.type}); providers add more. */
    public static final List<String> SINK_TYPES = List.of("http", "jdbc", "log", "memory");

    /** The formats of a named sink ({@code auditweave.sink.<name>.format}). */
    public static final List<String> SINK_FORMATS = List.of("envelope", "flat", "cloudevents", "cloudevents-batch");

    private static final long HOUR_MS = 3_600_000L;
    private static final Pattern SINK_SETTING_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Pattern DECLARATION_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]*");
    private static final Pattern HTTP_TOKEN = Pattern.compile("[!#$%&'*+\\-.^_`|~0-9A-Za-z]+");

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

    /** One key per field of a declared emit site; first of the emit families, whose suffixes a field could end in. */
    public static final KeyFamily EMIT_DATA = new KeyFamily("auditweave.emit.<id>.data.<field>",
            ConfigKeys::isEmitDataVariable, "a declaration id (letters, digits and -), then a field name", true,
            anyText("an expression, as the value of a @Field"), "(unset)",
            "one data field of the declared emit site <id>, as @Field(name = <field>, value = ...); in an environment"
                    + " variable the field name is lower-cased and keeps its _", true,
            field -> field.toLowerCase(java.util.Locale.ROOT));

    public static final KeyFamily EMIT_METHOD = emitKey("method", "(required)", checked(methodRef()),
            "declares emit site <id> on this method of a class or interface (naming an interface or superclass covers"
                    + " every implementation), as if it carried @EmitsAbuseEvent; agent mode only");

    public static final KeyFamily EMIT_TYPE = emitKey("type", "(required)", checked(text("an event type")),
            "the event type of declared emit site <id>, as @EmitsAbuseEvent(type)");

    public static final KeyFamily EMIT_WHEN = emitKey("when", "(unset)", anyText("a guard expression"),
            "the guard of declared emit site <id>, as @EmitsAbuseEvent(when)");

    public static final KeyFamily EMIT_OCCURRED_AT = emitKey("occurred-at", "(unset)",
            anyText("an expression of epoch milliseconds"), "the time source of declared emit site <id>, as"
                    + " @EmitsAbuseEvent(occurredAt)");

    public static final KeyFamily EMIT_IDEMPOTENCY_KEY = emitKey("idempotency-key", "(unset)",
            anyText("an expression"), "the idempotency key of declared emit site <id>, as"
                    + " @EmitsAbuseEvent(idempotencyKey)");

    public static final KeyFamily EMIT_PHASE = emitKey("phase", "`after_commit`",
            checked(oneOf(List.of("after_commit", "immediate"))),
            "when declared emit site <id> is released inside a transaction, as @EmitsAbuseEvent(phase)");

    public static final KeyFamily EMIT_ON = emitKey("on", "`returned`", checked(oneOf(List.of("returned", "thrown"))),
            "which outcome of the method declared emit site <id> fires on, as @EmitsAbuseEvent(on)");

    public static final KeyFamily EMIT_ENRICH = emitKey("enrich", "(unset)",
            anyText("a comma-separated list of enricher names"),
            "the enrichers of declared emit site <id>, in order, as @EmitsAbuseEvent(enrich)");

    /** Every family of a declared emit site, data first (a field may be named like a setting). */
    private static final List<KeyFamily> EMIT_FAMILIES = List.of(EMIT_DATA, EMIT_METHOD, EMIT_TYPE, EMIT_WHEN,
            EMIT_OCCURRED_AT, EMIT_IDEMPOTENCY_KEY, EMIT_PHASE, EMIT_ON, EMIT_ENRICH);

    /** One key per HTTP header of a named http sink; listed before the other sink keys, which it must win over. */
    public static final KeyFamily SINK_HEADER = new KeyFamily("auditweave.sink.<name>.header.<Header-Name>",
            ConfigKeys::isSinkHeaderVariable,
            "a sink name of auditweave.sinks, then a header name made of letters, digits and !#$%&'*+-.^_`|~", true,
            secretHeaderValue(), "(unset)", "one key per HTTP header of the named http sink; the value may use ${ENV_VAR}; values are"
                    + " never shown");

    public static final KeyFamily SINK_TYPE = sinkKey("type", "(required)", checked(ValueTypes.sinkType(SINK_TYPES)),
            "what the named sink is: http (POST to its url), jdbc (rows of a database table), log (one INFO line"
                    + " per event), memory (tests), or the type of a SinkProvider found at start-up (docs/delivery.md,"
                    + " Writing a sink)");

    public static final KeyFamily SINK_URL = sinkKey("url", "(unset)", checked(ValueTypes.sinkUrl()),
            "endpoint of a named http sink (empty or unset makes it a silent no-op); the JDBC URL of a jdbc sink"
                    + " (required)");

    public static final KeyFamily SINK_EVENT_TYPES = sinkKey("types", "`*`", checked(typePatterns()),
            "the event types the named sink receives; the others never enter its queue");

    public static final KeyFamily SINK_FORMAT = sinkKey("format", "`envelope`", checked(oneOf(SINK_FORMATS)),
            "body of a named sink: envelope ({\"events\":[...]} per batch), flat (the data object alone, one"
                    + " request per event), cloudevents (CloudEvents 1.0 JSON, one per request), cloudevents-batch"
                    + " (a JSON array of CloudEvents)");

    public static final KeyFamily SINK_SOURCE = sinkKey("source", "`auditweave`",
            checked(text("a CloudEvents source, such as /billing-service")),
            "the CloudEvents source attribute of the cloudevents formats");

    public static final KeyFamily SINK_CONNECT_TIMEOUT = sinkKey("connect-timeout-ms",
            "as `auditweave.http.connect-timeout-ms`", checked(HTTP_CONNECT_TIMEOUT.type()),
            "timeout of establishing a connection of the named http sink");

    public static final KeyFamily SINK_TIMEOUT = sinkKey("timeout-ms", "as `auditweave.http.timeout-ms`",
            checked(HTTP_TIMEOUT.type()), "timeout of one request of the named http sink; of one batch of a jdbc sink"
                    + " (its query timeout, 10 s when unset)");

    public static final KeyFamily SINK_BATCH_MAX_EVENTS = sinkKey("batch.max-events", "as `auditweave.batch.max-events`",
            checked(BATCH_MAX_EVENTS.type()), "most events in one batch of the named sink");

    public static final KeyFamily SINK_BATCH_MAX_DELAY = sinkKey("batch.max-delay-ms", "as `auditweave.batch.max-delay-ms`",
            checked(BATCH_MAX_DELAY.type()), "longest an event waits for its batch to fill in the named sink");

    public static final KeyFamily SINK_QUEUE_CAPACITY = sinkKey("queue.capacity", "as `auditweave.queue.capacity`",
            checked(QUEUE_CAPACITY.type()), "events held for the named sink");

    public static final KeyFamily SINK_RETRY_MAX_ATTEMPTS = sinkKey("retry.max-attempts",
            "as `auditweave.retry.max-attempts`", checked(RETRY_MAX_ATTEMPTS.type()),
            "attempts per batch of the named sink, including the first");

    public static final KeyFamily SINK_RETRY_INITIAL_BACKOFF = sinkKey("retry.initial-backoff-ms",
            "as `auditweave.retry.initial-backoff-ms`", checked(RETRY_INITIAL_BACKOFF.type()),
            "wait before the first retry of the named sink");

    public static final KeyFamily SINK_RETRY_MAX_BACKOFF = sinkKey("retry.max-backoff-ms",
            "as `auditweave.retry.max-backoff-ms`", checked(RETRY_MAX_BACKOFF.type()),
            "longest wait between retries of the named sink; at least its initial backoff");

    /**
     * Any other setting of a named sink, for its provider to read ({@code auditweave.sink.audit.path}); last of the
     * sink families, so that every setting auditweave defines keeps its own checks.
     */
    public static final KeyFamily SINK_SETTING = new KeyFamily("auditweave.sink.<name>.<setting>",
            ConfigKeys::isSinkSettingVariable, "a sink name of auditweave.sinks, then a setting made of letters,"
                    + " digits, ., _ and -", true, ValueTypes.sinkSetting(), "(unset)",
            "a setting of the named sink's own type, read by its SinkProvider (one it never reads is warned about);"
                    + " not read from the environment: use ${ENV_VAR} in the value", false);

    /**
     * Every per-sink family, header first (a header named like a setting must still be a header), the catch-all
     * {@link #SINK_SETTING} last.
     */
    private static final List<KeyFamily> SINK_FAMILIES = List.of(SINK_HEADER, SINK_TYPE, SINK_URL, SINK_EVENT_TYPES,
            SINK_FORMAT, SINK_SOURCE, SINK_CONNECT_TIMEOUT, SINK_TIMEOUT, SINK_BATCH_MAX_EVENTS, SINK_BATCH_MAX_DELAY,
            SINK_QUEUE_CAPACITY, SINK_RETRY_MAX_ATTEMPTS, SINK_RETRY_INITIAL_BACKOFF, SINK_RETRY_MAX_BACKOFF,
            SINK_SETTING);

    private static final List<ConfigKey<?>> KEY_LIST = Collections.unmodifiableList(KEYS);
    private static final Map<String, ConfigKey<?>> BY_NAME = byName();
    private static final List<KeyFamily> FAMILIES = families(HTTP_HEADER, SINK_FAMILIES, EMIT_FAMILIES);
    private static final List<AtLeast<?>> RELATIONS = List.of(new AtLeast<>(RETRY_MAX_BACKOFF, RETRY_INITIAL_BACKOFF));

    private ConfigKeys() {
    }

    /** Every key, in table order. */
    public static List<ConfigKey<?>> keys() {
        return KEY_LIST;
    }

    /** Every family of keys with a user-chosen part, such as the HTTP headers. */
    public static List<KeyFamily> families() {
        return FAMILIES;
    }

    /** The families {@code auditweave.sink.<name>.*} of the named sinks, header first. */
    public static List<KeyFamily> sinkFamilies() {
        return SINK_FAMILIES;
    }

    /** The settings auditweave defines for every named sink, such as {@code url} and {@code batch.max-events}. */
    static List<String> sinkSettingNames() {
        List<String> names = new ArrayList<>();
        for (KeyFamily family : SINK_FAMILIES) {
            if (!family.hasTwoParts()) {
                names.add(family.keyFor("").substring("auditweave.sink..".length()));
            }
        }
        return names;
    }

    private static KeyFamily sinkKey(String setting, String defaultText, ValueType<String> type, String description) {
        return new KeyFamily("auditweave.sink.<name>." + setting, ConfigKeys::isSinkName,
                "a sink name of auditweave.sinks", true, type, defaultText, description);
    }

    private static boolean isSinkName(String name) {
        return ValueTypes.SINK_NAME.matcher(name).matches();
    }

    private static boolean isSinkSettingVariable(String variable) {
        List<String> parts = SINK_SETTING.parts(variable);
        return isSinkName(parts.get(0)) && SINK_SETTING_NAME.matcher(parts.get(1)).matches();
    }

    private static boolean isSinkHeaderVariable(String variable) {
        List<String> parts = SINK_HEADER.parts(variable);
        return isSinkName(parts.get(0)) && HTTP_TOKEN.matcher(parts.get(1)).matches();
    }

    private static List<KeyFamily> families(KeyFamily first, List<KeyFamily> sinks, List<KeyFamily> emits) {
        List<KeyFamily> all = new ArrayList<>();
        all.add(first);
        all.addAll(sinks);
        all.addAll(emits);
        return List.copyOf(all);
    }

    /** The families {@code auditweave.emit.<id>.*} of declared emit sites, data first. */
    public static List<KeyFamily> emitFamilies() {
        return EMIT_FAMILIES;
    }

    private static KeyFamily emitKey(String setting, String defaultText, ValueType<String> type, String description) {
        return new KeyFamily("auditweave.emit.<id>." + setting, ConfigKeys::isDeclarationId,
                "a declaration id (letters, digits and -)", true, type, defaultText, description);
    }

    private static boolean isDeclarationId(String id) {
        return DECLARATION_ID.matcher(id).matches();
    }

    private static boolean isEmitDataVariable(String variable) {
        List<String> parts = EMIT_DATA.parts(variable);
        return isDeclarationId(parts.get(0)) && !parts.get(1).isBlank() && parts.get(1).strip().equals(parts.get(1));
    }

    /** The key named exactly {@code name} (with prefix), if there is one. */
    public static Optional<ConfigKey<?>> find(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /**
     * The key table as Markdown, for docs/configuration.md.
     *
     * <pre>{@code
     * | Key | Environment variable | Default | Expected | Meaning |
     * |---|---|---|---|---|
     * | `auditweave.enabled` | `AUDITWEAVE_ENABLED` | `true` | true or false | false = instrument nothing |
     * ...
     * }</pre>
     */
    public static String markdownTable() {
        StringBuilder table = new StringBuilder()
                .append("| Key | Environment variable | Default | Expected | Meaning |\n")
                .append("|---|---|---|---|---|\n");
        for (ConfigKey<?> key : KEY_LIST) {
            row(table, key.name(), key.environmentVariable(),
                    key.defaultText().isEmpty() ? "(unset)" : "`" + key.defaultText() + "`",
                    key.expected(), key.description());
        }
        for (KeyFamily family : FAMILIES) {
            row(table, family.pattern(), family.environmentPattern(), family.defaultText(),
                    "name: " + family.variableExpected() + "; value: " + family.expected(), family.description());
        }
        return table.toString();
    }

    /** Rules between keys, checked after each key on its own. */
    static List<AtLeast<?>> relations() {
        return RELATIONS;
    }

    private static void row(StringBuilder table, String key, String env, String defaultText, String expected,
                            String description) {
        table.append("| `").append(key).append("` | `").append(env).append("` | ").append(defaultText)
                .append(" | ").append(cell(expected)).append(" | ").append(cell(description)).append(" |\n");
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
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
}
