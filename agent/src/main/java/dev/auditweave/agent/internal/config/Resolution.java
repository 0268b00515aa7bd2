package dev.auditweave.agent.internal.config;

import dev.auditweave.agent.ConfigException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns the layers into checked, typed values: precedence, then {@code ${VAR}} references, then each key's type,
 * then the rules between keys. The first invalid value ends it with a {@link ConfigException}.
 *
 * @param values       the typed value of every key of the table, defaults included
 * @param explicit     the resolved text of every key some source set, in table order
 * @param headers      the HTTP headers to send, by name as written, in order of first appearance
 * @param headerValues the resolved text of every header key some source set, empty ones included
 * @param warnings     for the user, none of them fatal
 * @param sinkValues   per named sink (lower case), the resolved text of each of its keys some source set
 * @param sinkHeaders  per named sink, the HTTP headers to send, by name as written
 * @param sinkKeyValues the resolved text of every key of a named sink some source set, for describe()
 * @param sinkOptions  per named sink, every setting some source set, for the sink's provider
 * @param declaredEmits the emit sites declared by the keys {@code auditweave.emit.<id>.*}, in order of first appearance
 */
record Resolution(Map<ConfigKey<?>, Object> values, Map<ConfigKey<?>, RawValue> explicit,
                  Map<String, String> headers, List<RawValue> headerValues, List<String> warnings,
                  Map<String, Map<KeyFamily, RawValue>> sinkValues, Map<String, Map<String, String>> sinkHeaders,
                  List<RawValue> sinkKeyValues, Map<String, SinkOptions> sinkOptions,
                  List<DeclaredEmit> declaredEmits) {

    static Resolution of(List<Layer> layers, Map<String, String> environment) {
        Precedence precedence = Precedence.of(layers);
        Map<ConfigKey<?>, Object> values = new LinkedHashMap<>();
        Map<ConfigKey<?>, RawValue> explicit = new LinkedHashMap<>();
        for (ConfigKey<?> key : ConfigKeys.keys()) {
            RawValue raw = precedence.winner(key).orElse(null);
            if (raw == null) {
                values.put(key, key.defaultValue());
            } else {
                RawValue resolved = resolve(raw, environment, key.type());
                values.put(key, parse(key.type(), raw, resolved));
                explicit.put(key, resolved);
            }
        }
        for (ConfigKeys.AtLeast<?> rule : ConfigKeys.relations()) {
            check(rule, values, explicit);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        List<RawValue> headerValues = new ArrayList<>();
        for (RawValue raw : precedence.winners(ConfigKeys.HTTP_HEADER)) {
            RawValue resolved = resolveFamilyValue(ConfigKeys.HTTP_HEADER, raw, environment);
            headerValues.add(resolved);
            if (!resolved.text().isEmpty()) {
                headers.put(ConfigKeys.HTTP_HEADER.variableOf(raw.key()).orElseThrow(), resolved.text());
            }
        }
        List<String> warnings = new ArrayList<>(precedence.warnings());
        NamedSinks named = namedSinks(precedence, environment, values, explicit, warnings);
        Map<KeyFamily, List<RawValue>> emitValues = new LinkedHashMap<>();
        for (KeyFamily family : EmitKeys.families()) {
            List<RawValue> resolved = new ArrayList<>();
            for (RawValue raw : precedence.winners(family)) {
                resolved.add(resolveFamilyValue(family, raw, environment));
            }
            emitValues.put(family, resolved);
        }
        return new Resolution(Collections.unmodifiableMap(values), Collections.unmodifiableMap(explicit),
                Collections.unmodifiableMap(headers), List.copyOf(headerValues), List.copyOf(warnings),
                named.values(), named.headers(), named.keyValues(), named.options(), DeclaredEmits.of(emitValues));
    }

    // ---- Several destinations (issue #4) ----

    private record NamedSinks(Map<String, Map<KeyFamily, RawValue>> values, Map<String, Map<String, String>> headers,
                              List<RawValue> keyValues, Map<String, SinkOptions> options) {
    }

    /**
     * The keys {@code auditweave.sink.<name>.*}: each must belong to a sink {@code auditweave.sinks} names, and each
     * named sink needs a type. {@code auditweave.sinks} replaces the one-sink shorthand, so both at once is an error.
     */
    private static NamedSinks namedSinks(Precedence precedence, Map<String, String> environment,
                                         Map<ConfigKey<?>, Object> values, Map<ConfigKey<?>, RawValue> explicit,
                                         List<String> warnings) {
        List<String> sinks = typed(ConfigKeys.SINKS, values);
        Map<String, Map<KeyFamily, RawValue>> sinkValues = new LinkedHashMap<>();
        Map<String, Map<String, String>> sinkHeaders = new LinkedHashMap<>();
        List<RawValue> keyValues = new ArrayList<>();
        Map<String, Map<String, RawValue>> settings = new LinkedHashMap<>();
        Map<String, java.util.Set<String>> own = new LinkedHashMap<>();
        for (KeyFamily family : SinkKeys.families()) {
            for (RawValue raw : precedence.winners(family)) {
                List<String> parts = family.parts(family.variableOf(raw.key()).orElseThrow());
                String sink = parts.get(0).toLowerCase(Locale.ROOT);
                RawValue resolved = resolveFamilyValue(family, raw, environment);
                if (!sinks.contains(sink)) {
                    throw ConfigException.invalid(raw.key(), family.type().shown(resolved.text()),
                            raw.origin().description(), "there is no sink named '" + sink + "': "
                                    + ConfigKeys.SINKS.name() + " = '" + text(ConfigKeys.SINKS, explicit) + "' ("
                                    + origin(ConfigKeys.SINKS, explicit) + ")");
                }
                keyValues.add(resolved);
                String setting = raw.key().substring((ConfigKeys.PREFIX + "sink." + parts.get(0) + ".").length())
                        .toLowerCase(Locale.ROOT);
                settings.computeIfAbsent(sink, ignored -> new LinkedHashMap<>()).put(setting, resolved);
                if (family == SinkKeys.SETTING) {
                    own.computeIfAbsent(sink, ignored -> new java.util.LinkedHashSet<>()).add(setting);
                } else if (family == SinkKeys.HEADER) {
                    if (!resolved.text().isEmpty()) {
                        sinkHeaders.computeIfAbsent(sink, ignored -> new LinkedHashMap<>())
                                .put(parts.get(1), resolved.text());
                    }
                } else {
                    sinkValues.computeIfAbsent(sink, ignored -> new LinkedHashMap<>()).put(family, resolved);
                }
            }
        }
        for (String sink : sinks) {
            if (!sinkValues.getOrDefault(sink, Map.of()).containsKey(SinkKeys.TYPE)) {
                String key = SinkKeys.TYPE.keyFor(sink);
                throw new ConfigException(key, key + " is not set: " + ConfigKeys.SINKS.name() + " = '"
                        + text(ConfigKeys.SINKS, explicit) + "' (" + origin(ConfigKeys.SINKS, explicit)
                        + ") names sink '" + sink + "', which needs a type: expected " + SinkKeys.TYPE.expected());
            }
        }
        if (!sinks.isEmpty()) {
            if (explicit.containsKey(ConfigKeys.SINK)) {
                throw ConfigException.invalid(ConfigKeys.SINK.name(), text(ConfigKeys.SINK, explicit),
                        origin(ConfigKeys.SINK, explicit), "cannot be combined with " + ConfigKeys.SINKS.name() + " = '"
                                + text(ConfigKeys.SINKS, explicit) + "' (" + origin(ConfigKeys.SINKS, explicit)
                                + "); give each destination a type as auditweave.sink.<name>.type instead");
            }
            if (explicit.containsKey(ConfigKeys.HTTP_URL)) {
                warnings.add(ConfigKeys.HTTP_URL.name() + " (" + origin(ConfigKeys.HTTP_URL, explicit)
                        + ") is ignored: " + ConfigKeys.SINKS.name() + " is set; use auditweave.sink.<name>.url");
            }
            if (!precedence.winners(ConfigKeys.HTTP_HEADER).isEmpty()) {
                warnings.add("auditweave.http.header.* is ignored: " + ConfigKeys.SINKS.name()
                        + " is set; use auditweave.sink.<name>.header.<Header-Name>");
            }
        }
        sinkValues.replaceAll((sink, map) -> Collections.unmodifiableMap(map));
        sinkHeaders.replaceAll((sink, map) -> Collections.unmodifiableMap(map));
        Map<String, SinkOptions> options = new LinkedHashMap<>();
        for (String sink : sinks) {
            options.put(sink, new SinkOptions(sink, settings.getOrDefault(sink, Map.of()),
                    own.getOrDefault(sink, java.util.Set.of())));
        }
        return new NamedSinks(Collections.unmodifiableMap(sinkValues), Collections.unmodifiableMap(sinkHeaders),
                List.copyOf(keyValues), Collections.unmodifiableMap(options));
    }

    private static RawValue resolveFamilyValue(KeyFamily family, RawValue raw, Map<String, String> environment) {
        String variable = family.variableOf(raw.key()).orElseThrow();
        if (!family.accepts(variable)) {
            throw ConfigException.invalid(raw.key(), family.type().shown(raw.text()), raw.origin().description(),
                    "expected " + family.variableExpected() + " " + family.variablePlace());
        }
        RawValue resolved = resolve(raw, environment, family.type());
        parse(family.type(), raw, resolved);
        return resolved;
    }

    private static RawValue resolve(RawValue raw, Map<String, String> environment, ValueType<?> type) {
        return new RawValue(raw.key(), Placeholders.resolve(raw, environment, type), raw.origin());
    }

    private static <T> T parse(ValueType<T> type, RawValue raw, RawValue resolved) {
        try {
            return type.parse(resolved.text());
        } catch (IllegalArgumentException e) {
            throw ConfigException.invalid(raw.key(), type.shown(resolved.text()), describeOrigin(type, raw, resolved),
                    e.getMessage());
        }
    }

    /** The origin, plus the raw text when a reference was resolved, so the user sees where the value came from. */
    private static String describeOrigin(ValueType<?> type, RawValue raw, RawValue resolved) {
        String origin = raw.origin().description();
        if (raw.text().equals(resolved.text())) {
            return origin;
        }
        return origin + ", resolved from '" + type.shown(raw.text()) + "'";
    }

    private static <T extends Comparable<? super T>> void check(ConfigKeys.AtLeast<T> rule,
                                                                Map<ConfigKey<?>, Object> values,
                                                                Map<ConfigKey<?>, RawValue> explicit) {
        T value = typed(rule.key(), values);
        T floor = typed(rule.floor(), values);
        if (value.compareTo(floor) < 0) {
            throw ConfigException.invalid(rule.key().name(), text(rule.key(), explicit),
                    origin(rule.key(), explicit), "expected at least " + rule.floor().name() + " = '"
                            + text(rule.floor(), explicit) + "' (" + origin(rule.floor(), explicit) + ")");
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T typed(ConfigKey<T> key, Map<ConfigKey<?>, Object> values) {
        // Safe: values holds, for each key, what that key's own type parsed.
        return (T) values.get(key);
    }

    private static String text(ConfigKey<?> key, Map<ConfigKey<?>, RawValue> explicit) {
        RawValue value = explicit.get(key);
        return key.type().shown(value == null ? key.defaultText() : value.text());
    }

    private static String origin(ConfigKey<?> key, Map<ConfigKey<?>, RawValue> explicit) {
        RawValue value = explicit.get(key);
        return value == null ? Origin.DEFAULT.description() : value.origin().description();
    }
}
