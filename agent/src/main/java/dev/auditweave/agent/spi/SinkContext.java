package dev.auditweave.agent.spi;

import dev.auditweave.agent.ConfigException;
import dev.auditweave.agent.metrics.AuditweaveMetrics;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * What a {@link SinkProvider} is given to make one sink: its name, its own settings
 * {@code auditweave.sink.<name>.<setting>} with typed getters, its counters and a rate-limited log.
 *
 * <pre>{@code
 * // auditweave.sink.audit.type=file
 * // auditweave.sink.audit.path=/var/log/app/audit.jsonl
 * // auditweave.sink.audit.fsync=true
 * public Sink create(SinkContext context) {
 *     Path path = context.path("path");                            // required
 *     boolean fsync = context.bool("fsync", false);
 *     int rotateAt = context.integer("rotate-mb", 100, 1, 10_000);  // 100 when unset
 *     return new FileSink(path, fsync, rotateAt, context);
 * }
 * }</pre>
 *
 * <p>A setting is the part of the key after {@code auditweave.sink.<name>.}: {@code path}, {@code kafka.acks}. Values
 * come from every source auditweave reads (agent arguments, system properties, {@code auditweave.properties}, the
 * Spring {@code Environment}), may use {@code ${ENV_VAR}}, and are read as text; in the environment, only the
 * settings auditweave itself defines have a variable of their own (use {@code ${ENV_VAR}} in a file for the
 * others). Each getter checks its value and throws a {@link ConfigException} naming the full key, the value, where
 * it came from and what is expected, such as
 * {@code auditweave.sink.audit.rotate-mb = 'lots' (system property): expected a whole number from 1 to 10000}; thrown
 * from {@link SinkProvider#create}, it is the start-up error as is. A setting of the sink that its provider never
 * reads is reported at start-up as a warning, with the closest one it did read.
 */
public interface SinkContext {

    /** The sink's name, lower case, as {@code auditweave.sinks} names it (its thread, metrics and logs carry it). */
    String name();

    /** Its type, as {@code auditweave.sink.<name>.type} names it. */
    String type();

    /** The full key of one of its settings: {@code key("path")} is {@code auditweave.sink.audit.path}. */
    String key(String setting);

    /** The text of {@code setting}, empty when no source set it (or set it to an empty value). */
    Optional<String> string(String setting);

    /** The text of a required {@code setting}. @throws ConfigException when it is not set or empty */
    String requireString(String setting);

    /**
     * The whole number of {@code setting}, or {@code defaultValue} when it is not set.
     *
     * @throws ConfigException when it is not a whole number from {@code min} to {@code max}
     */
    int integer(String setting, int defaultValue, int min, int max);

    /** {@code true} or {@code false} (any case), or {@code defaultValue}. @throws ConfigException for anything else */
    boolean bool(String setting, boolean defaultValue);

    /**
     * A duration given in milliseconds (name such settings {@code ...-ms}), or {@code defaultValue}.
     *
     * @throws ConfigException when it is not a whole number of milliseconds from {@code min} to {@code max}
     */
    Duration millis(String setting, Duration defaultValue, Duration min, Duration max);

    /** A required absolute URI, such as {@code kafka://broker:9092}. @throws ConfigException when unset or invalid */
    URI uri(String setting);

    /** A required file system path. @throws ConfigException when unset or not a valid path */
    Path path(String setting);

    /**
     * Every setting that starts with {@code prefix}, without it, in the order the sources gave them: with
     * {@code auditweave.sink.events.kafka.acks=all}, {@code withPrefix("kafka.")} is {@code {acks=all}}. For
     * pass-through settings of a client library; each one counts as read.
     */
    Map<String, String> withPrefix(String prefix);

    /**
     * A {@link ConfigException} about {@code setting} in the shape of the getters' ({@code key = 'value' (origin):
     * problem}), for a check of the sink's own, such as two settings that exclude each other.
     */
    ConfigException invalid(String setting, String problem);

    /**
     * The event as one JSON document in the sink's format ({@code auditweave.sink.<name>.format}: the event object
     * {@code {"id","type","occurred_at","data"}} for {@code envelope}, the {@code data} object alone for {@code flat},
     * a CloudEvent for {@code cloudevents} and {@code cloudevents-batch}), UTF-8: one line of a JSON-lines file.
     */
    byte[] encode(SinkEvent event);

    /** This sink's counters now (delivered, failed, dropped, ...), as {@code Auditweave.metrics(name)} returns them. */
    AuditweaveMetrics metrics();

    /**
     * Logs a warning on auditweave's log (logger {@code dev.auditweave.sink.<name>}), at most once a minute per
     * {@code message}: safe to call on every failing send. Don't log event data (it may be personal data).
     */
    void warn(String message, Throwable cause);

    /** Logs one INFO line, for rare moments such as a connection opened at start-up; never per batch. */
    void info(String message);
}
