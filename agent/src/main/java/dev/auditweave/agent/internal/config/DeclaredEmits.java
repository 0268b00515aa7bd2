package dev.auditweave.agent.internal.config;

import dev.auditweave.agent.ConfigException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Groups the keys {@code auditweave.emit.<id>.*} into one {@link DeclaredEmit} per id. A declaration needs its
 * {@code method} and its {@code type}: a key of an id without them is an error naming the missing key.
 */
final class DeclaredEmits {

    private DeclaredEmits() {
    }

    /**
     * @param resolved per family, its keys' resolved values (already checked against the family's type), in order of
     *                 first appearance
     */
    static List<DeclaredEmit> of(Map<KeyFamily, List<RawValue>> resolved) {
        Map<String, Map<KeyFamily, RawValue>> byId = new LinkedHashMap<>();
        Map<String, List<DeclaredEmit.Field>> fields = new LinkedHashMap<>();
        for (KeyFamily family : EmitKeys.families()) {
            for (RawValue raw : resolved.getOrDefault(family, List.of())) {
                List<String> parts = family.parts(family.variableOf(raw.key()).orElseThrow());
                String id = parts.get(0).toLowerCase(Locale.ROOT);
                byId.computeIfAbsent(id, ignored -> new LinkedHashMap<>()).putIfAbsent(family, raw);
                if (family == EmitKeys.DATA) {
                    fields.computeIfAbsent(id, ignored -> new ArrayList<>())
                            .add(new DeclaredEmit.Field(parts.get(1), raw.text().strip()));
                }
            }
        }
        List<DeclaredEmit> declarations = new ArrayList<>();
        byId.forEach((id, values) -> declarations.add(declaration(id, values, fields.getOrDefault(id, List.of()))));
        return List.copyOf(declarations);
    }

    private static DeclaredEmit declaration(String id, Map<KeyFamily, RawValue> values, List<DeclaredEmit.Field> data) {
        RawValue method = required(id, values, EmitKeys.METHOD);
        RawValue type = required(id, values, EmitKeys.TYPE);
        String enrich = text(values, EmitKeys.ENRICH, "");
        List<String> enrichers = enrich.isBlank() ? List.of()
                : Arrays.stream(enrich.split(",", -1)).map(String::strip).toList();
        return new DeclaredEmit(id, MethodRef.parse(method.text()), type.text().strip(),
                text(values, EmitKeys.WHEN, ""), data, text(values, EmitKeys.OCCURRED_AT, ""),
                text(values, EmitKeys.IDEMPOTENCY_KEY, ""),
                text(values, EmitKeys.PHASE, "after_commit").toUpperCase(Locale.ROOT),
                text(values, EmitKeys.ON, "returned").toUpperCase(Locale.ROOT), enrichers,
                method.origin().description());
    }

    private static RawValue required(String id, Map<KeyFamily, RawValue> values, KeyFamily family) {
        RawValue value = values.get(family);
        if (value == null) {
            RawValue any = values.values().iterator().next();
            String key = family.keyFor(id);
            throw new ConfigException(key, key + " is not set: " + any.key() + " (" + any.origin().description()
                    + ") declares emit site '" + id + "', which needs " + key + ": expected " + family.expected());
        }
        return value;
    }

    private static String text(Map<KeyFamily, RawValue> values, KeyFamily family, String fallback) {
        RawValue value = values.get(family);
        return value == null ? fallback : value.text().strip();
    }
}
