package dev.auditweave.agent.internal.config;

import dev.auditweave.agent.ConfigException;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The settings of one named sink as its sources gave them ({@code auditweave.sink.<name>.<setting>}, resolved), read
 * as typed values by the sink's provider; each getter names the full key, the value and its origin when the value
 * does not fit. Immutable.
 *
 * <pre>{@code
 * // auditweave.sink.audit.rotate-mb=lots (system property)
 * SinkOptions audit = settings.sinkOptions("audit");
 * audit.integer("rotate-mb", 100, 1, 10_000);
 * // ConfigException: auditweave.sink.audit.rotate-mb = 'lots' (system property): expected a whole number from 1 to 10000
 * }</pre>
 */
public final class SinkOptions {

    /**
     * Settings whose values are never shown, in messages or in {@link Settings#describe()}; {@code jaas} for Kafka's
     * {@code sasl.jaas.config}, which holds a password.
     */
    private static final Pattern SECRET = Pattern.compile(".*(password|secret|token|credential|jaas).*");

    private final String sink;
    private final Map<String, RawValue> values;
    private final Set<String> own;

    /**
     * @param sink   the sink's name, lower case
     * @param values every setting some source set, lower case, to its resolved value
     * @param own    the settings no family of auditweave's defines: only its provider reads them
     */
    SinkOptions(String sink, Map<String, RawValue> values, Set<String> own) {
        this.sink = Objects.requireNonNull(sink, "sink");
        this.values = Map.copyOf(values);
        this.own = Set.copyOf(own);
    }

    /** A sink without settings of its own: one of the shorthand {@code auditweave.sink=log,http}. */
    public static SinkOptions none(String sink) {
        return new SinkOptions(sink, Map.of(), Set.of());
    }

    /** The full key of {@code setting}, such as {@code auditweave.sink.audit.path}. */
    public String key(String setting) {
        return ConfigKeys.PREFIX + "sink." + sink + "." + setting;
    }

    /** The settings of the sink that only its provider reads, lower case, in no particular order. */
    public Set<String> own() {
        return own;
    }

    /** The text of {@code setting}; empty when unset or set to an empty value. */
    public Optional<String> string(String setting) {
        RawValue value = values.get(normal(setting));
        return value == null || value.text().isEmpty() ? Optional.empty() : Optional.of(value.text());
    }

    /** @throws ConfigException when {@code setting} is unset or empty */
    public String requireString(String setting) {
        return string(setting).orElseThrow(() -> missing(setting, "a value"));
    }

    /** @throws ConfigException when set to anything but a whole number from {@code min} to {@code max} */
    public int integer(String setting, int defaultValue, int min, int max) {
        if (min > max) {
            throw new IllegalArgumentException("min " + min + " is above max " + max);
        }
        return string(setting).isPresent() ? parse(setting, ValueTypes.wholeNumber(min, max)) : defaultValue;
    }

    /** @throws ConfigException when set to anything but {@code true} or {@code false} */
    public boolean bool(String setting, boolean defaultValue) {
        return string(setting).isPresent() ? parse(setting, ValueTypes.bool()) : defaultValue;
    }

    /** @throws ConfigException when set to anything but whole milliseconds from {@code min} to {@code max} */
    public Duration millis(String setting, Duration defaultValue, Duration min, Duration max) {
        if (min.compareTo(max) > 0) {
            throw new IllegalArgumentException("min " + min + " is above max " + max);
        }
        return string(setting).isPresent() ? parse(setting, ValueTypes.millis(min.toMillis(), max.toMillis()))
                : defaultValue;
    }

    /** @throws ConfigException when unset, or not an absolute URI */
    public URI uri(String setting) {
        String text = string(setting).orElseThrow(() -> missing(setting, "an absolute URI"));
        try {
            URI uri = new URI(text);
            if (!uri.isAbsolute()) {
                throw invalid(setting, "expected an absolute URI, such as kafka://broker:9092; it has no scheme");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw invalid(setting, "expected an absolute URI: " + e.getMessage());
        }
    }

    /** @throws ConfigException when unset, or not a path of this file system */
    public Path path(String setting) {
        String text = string(setting).orElseThrow(() -> missing(setting, "a file system path"));
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw invalid(setting, "expected a file system path: " + e.getMessage());
        }
    }

    /** Every setting that starts with {@code prefix} (lower case), without it, in no particular order. */
    public Map<String, String> withPrefix(String prefix) {
        String start = normal(prefix);
        Map<String, String> found = new LinkedHashMap<>();
        values.forEach((setting, value) -> {
            if (setting.startsWith(start) && setting.length() > start.length()) {
                found.put(setting.substring(start.length()), value.text());
            }
        });
        return found;
    }

    /** {@code key = 'value' (origin): problem} about {@code setting}, or {@code key is not set: problem}. */
    public ConfigException invalid(String setting, String problem) {
        RawValue value = values.get(normal(setting));
        if (value == null) {
            return new ConfigException(key(setting), key(setting) + " is not set: " + problem);
        }
        return ConfigException.invalid(value.key(), shown(setting, value.text()), value.origin().description(),
                problem);
    }

    /** Where {@code setting} came from, in the words of the messages, when a source set it. */
    public Optional<String> origin(String setting) {
        return Optional.ofNullable(values.get(normal(setting))).map(value -> value.origin().description());
    }

    /**
     * One warning per setting of the sink's own that its provider never read ({@code read}, lower case), with the
     * closest setting it did read or auditweave defines: a misspelt key must not pass silently.
     */
    public java.util.List<String> unreadWarnings(Set<String> read, String type) {
        java.util.List<String> warnings = new java.util.ArrayList<>();
        own.stream().filter(setting -> !read.contains(setting)).sorted().forEach(setting -> {
            RawValue value = values.get(setting);
            String closest = null;
            int best = Integer.MAX_VALUE;
            Set<String> candidates = new java.util.TreeSet<>(read);
            candidates.addAll(SinkKeys.settingNames());
            for (String candidate : candidates) {
                int distance = Suggestions.distance(setting, candidate);
                if (distance < best && distance <= Math.max(2, setting.length() / 3)) {
                    best = distance;
                    closest = candidate;
                }
            }
            warnings.add(value.key() + " (" + value.origin() + ") is not read by sink " + sink + " (type " + type
                    + "), so it has no effect" + (closest == null ? "" : "; did you mean " + key(closest) + "?"));
        });
        return warnings;
    }

    /** {@code text} as messages may show it: {@code ***} for a setting named like a secret. */
    static String shown(String setting, String text) {
        return SECRET.matcher(normal(setting)).matches() ? "***" : text;
    }

    private <T> T parse(String setting, ValueType<T> type) {
        RawValue value = values.get(normal(setting));
        try {
            return type.parse(value.text());
        } catch (IllegalArgumentException e) {
            throw invalid(setting, e.getMessage());
        }
    }

    private ConfigException missing(String setting, String expected) {
        return new ConfigException(key(setting), key(setting) + " is not set: sink " + sink + " needs it (expected "
                + expected + ")");
    }

    private static String normal(String setting) {
        return Objects.requireNonNull(setting, "setting").toLowerCase(Locale.ROOT);
    }
}
