package dev.auditweave.agent.internal.config;

import static dev.auditweave.agent.internal.config.ValueTypes.checked;
import static dev.auditweave.agent.internal.config.ValueTypes.oneOf;
import static dev.auditweave.agent.internal.config.ValueTypes.secretHeaderValue;
import static dev.auditweave.agent.internal.config.ValueTypes.sinkSetting;
import static dev.auditweave.agent.internal.config.ValueTypes.sinkType;
import static dev.auditweave.agent.internal.config.ValueTypes.sinkUrl;
import static dev.auditweave.agent.internal.config.ValueTypes.text;
import static dev.auditweave.agent.internal.config.ValueTypes.typePatterns;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The keys {@code auditweave.sink.<name>.*} of the named sinks of {@code auditweave.sinks}; part of the key table of
 * {@link ConfigKeys}. Where a sink leaves a delivery setting unset, the global key of that setting applies.
 *
 * <pre>{@code
 * String key = SinkKeys.TYPE.keyFor("audit");   // auditweave.sink.audit.type
 * }</pre>
 */
public final class SinkKeys {

    /** The built-in types of a named sink ({@code auditweave.sink.<name>.type}); providers add more. */
    public static final List<String> TYPES = List.of("http", "jdbc", "log", "memory");

    /** The formats of a named sink ({@code auditweave.sink.<name>.format}). */
    public static final List<String> FORMATS = List.of("envelope", "flat", "cloudevents", "cloudevents-batch");

    private static final Pattern SETTING_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    /** One key per HTTP header of a named http sink; listed before the other sink keys, which it must win over. */
    public static final KeyFamily HEADER = new KeyFamily("auditweave.sink.<name>.header.<Header-Name>",
            SinkKeys::isHeaderVariable,
            "a sink name of auditweave.sinks, then a header name made of letters, digits and !#$%&'*+-.^_`|~", true,
            secretHeaderValue(), "(unset)", "one key per HTTP header of the named http sink; the value may use ${ENV_VAR}; values are"
                    + " never shown");

    public static final KeyFamily TYPE = sinkKey("type", "(required)", checked(sinkType(TYPES)),
            "what the named sink is: http (POST to its url), jdbc (rows of a database table), log (one INFO line"
                    + " per event), memory (tests), or the type of a SinkProvider found at start-up (docs/delivery.md,"
                    + " Writing a sink)");

    public static final KeyFamily URL = sinkKey("url", "(unset)", checked(sinkUrl()),
            "endpoint of a named http sink (empty or unset makes it a silent no-op); the JDBC URL of a jdbc sink"
                    + " (required)");

    public static final KeyFamily EVENT_TYPES = sinkKey("types", "`*`", checked(typePatterns()),
            "the event types the named sink receives; the others never enter its queue");

    public static final KeyFamily FORMAT = sinkKey("format", "`envelope`", checked(oneOf(FORMATS)),
            "body of a named sink: envelope ({\"events\":[...]} per batch), flat (the data object alone, one"
                    + " request per event), cloudevents (CloudEvents 1.0 JSON, one per request), cloudevents-batch"
                    + " (a JSON array of CloudEvents)");

    public static final KeyFamily SOURCE = sinkKey("source", "`auditweave`",
            checked(text("a CloudEvents source, such as /billing-service")),
            "the CloudEvents source attribute of the cloudevents formats");

    public static final KeyFamily CONNECT_TIMEOUT = sinkKey("connect-timeout-ms",
            "as `auditweave.http.connect-timeout-ms`", checked(ConfigKeys.HTTP_CONNECT_TIMEOUT.type()),
            "timeout of establishing a connection of the named http sink");

    public static final KeyFamily TIMEOUT = sinkKey("timeout-ms", "as `auditweave.http.timeout-ms`",
            checked(ConfigKeys.HTTP_TIMEOUT.type()), "timeout of one request of the named http sink; of one batch of a jdbc sink"
                    + " (its query timeout, 10 s when unset)");

    public static final KeyFamily BATCH_MAX_EVENTS = sinkKey("batch.max-events", "as `auditweave.batch.max-events`",
            checked(ConfigKeys.BATCH_MAX_EVENTS.type()), "most events in one batch of the named sink");

    public static final KeyFamily BATCH_MAX_DELAY = sinkKey("batch.max-delay-ms", "as `auditweave.batch.max-delay-ms`",
            checked(ConfigKeys.BATCH_MAX_DELAY.type()), "longest an event waits for its batch to fill in the named sink");

    public static final KeyFamily QUEUE_CAPACITY = sinkKey("queue.capacity", "as `auditweave.queue.capacity`",
            checked(ConfigKeys.QUEUE_CAPACITY.type()), "events held for the named sink");

    public static final KeyFamily RETRY_MAX_ATTEMPTS = sinkKey("retry.max-attempts",
            "as `auditweave.retry.max-attempts`", checked(ConfigKeys.RETRY_MAX_ATTEMPTS.type()),
            "attempts per batch of the named sink, including the first");

    public static final KeyFamily RETRY_INITIAL_BACKOFF = sinkKey("retry.initial-backoff-ms",
            "as `auditweave.retry.initial-backoff-ms`", checked(ConfigKeys.RETRY_INITIAL_BACKOFF.type()),
            "wait before the first retry of the named sink");

    public static final KeyFamily RETRY_MAX_BACKOFF = sinkKey("retry.max-backoff-ms",
            "as `auditweave.retry.max-backoff-ms`", checked(ConfigKeys.RETRY_MAX_BACKOFF.type()),
            "longest wait between retries of the named sink; at least its initial backoff");

    /**
     * Any other setting of a named sink, for its provider to read ({@code auditweave.sink.audit.path}); last of the
     * sink families, so that every setting auditweave defines keeps its own checks.
     */
    public static final KeyFamily SETTING = new KeyFamily("auditweave.sink.<name>.<setting>",
            SinkKeys::isSettingVariable, "a sink name of auditweave.sinks, then a setting made of letters,"
                    + " digits, ., _ and -", true, sinkSetting(), "(unset)",
            "a setting of the named sink's own type, read by its SinkProvider (one it never reads is warned about);"
                    + " not read from the environment: use ${ENV_VAR} in the value", false);

    /**
     * Every per-sink family, header first (a header named like a setting must still be a header), the catch-all
     * {@link #SETTING} last.
     */
    private static final List<KeyFamily> FAMILIES = List.of(HEADER, TYPE, URL, EVENT_TYPES, FORMAT, SOURCE,
            CONNECT_TIMEOUT, TIMEOUT, BATCH_MAX_EVENTS, BATCH_MAX_DELAY, QUEUE_CAPACITY, RETRY_MAX_ATTEMPTS,
            RETRY_INITIAL_BACKOFF, RETRY_MAX_BACKOFF, SETTING);

    private SinkKeys() {
    }

    /** The families {@code auditweave.sink.<name>.*} of the named sinks, header first. */
    public static List<KeyFamily> families() {
        return FAMILIES;
    }

    /** The settings auditweave defines for every named sink, such as {@code url} and {@code batch.max-events}. */
    static List<String> settingNames() {
        List<String> names = new ArrayList<>();
        for (KeyFamily family : FAMILIES) {
            if (!family.hasTwoParts()) {
                names.add(family.keyFor("").substring("auditweave.sink..".length()));
            }
        }
        return names;
    }

    private static KeyFamily sinkKey(String setting, String defaultText, ValueType<String> type, String description) {
        return new KeyFamily("auditweave.sink.<name>." + setting, SinkKeys::isSinkName,
                "a sink name of auditweave.sinks", true, type, defaultText, description);
    }

    private static boolean isSinkName(String name) {
        return ValueTypes.SINK_NAME.matcher(name).matches();
    }

    private static boolean isSettingVariable(String variable) {
        List<String> parts = SETTING.parts(variable);
        return isSinkName(parts.get(0)) && SETTING_NAME.matcher(parts.get(1)).matches();
    }

    private static boolean isHeaderVariable(String variable) {
        List<String> parts = HEADER.parts(variable);
        return isSinkName(parts.get(0)) && ConfigKeys.HTTP_TOKEN.matcher(parts.get(1)).matches();
    }
}
