package dev.auditweave.agent.internal.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Picks, for every key, the value of the first layer that has one, and warns about keys nobody knows.
 *
 * @param keys     the winning value per key name, for keys of the table
 * @param families per family, the winning value per identity of the chosen part (header names ignore case), in
 *                 order of first appearance
 * @param warnings what the layers reported, then unknown keys
 */
record Precedence(Map<String, RawValue> keys, Map<KeyFamily, Map<String, RawValue>> families,
                  List<String> warnings) {

    static Precedence of(List<Layer> layers) {
        Map<String, RawValue> keys = new LinkedHashMap<>();
        Map<KeyFamily, Map<String, RawValue>> families = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        for (Layer layer : layers) {
            warnings.addAll(layer.warnings());
            for (RawValue value : layer.values()) {
                if (ConfigKeys.find(value.key()).isPresent()) {
                    keys.putIfAbsent(value.key(), value);
                } else if (!addToFamily(value, families)) {
                    warnings.add(Suggestions.unknownKey(value.key(), value.origin()));
                }
            }
        }
        families.replaceAll((family, values) -> Collections.unmodifiableMap(values));
        return new Precedence(Collections.unmodifiableMap(keys), Collections.unmodifiableMap(families),
                List.copyOf(warnings));
    }

    /** The winning value of {@code key}, if any source set it. */
    Optional<RawValue> winner(ConfigKey<?> key) {
        return Optional.ofNullable(keys.get(key.name()));
    }

    /** The winning values of a family, in order of first appearance. */
    List<RawValue> winners(KeyFamily family) {
        return List.copyOf(families.getOrDefault(family, Map.of()).values());
    }

    private static boolean addToFamily(RawValue value, Map<KeyFamily, Map<String, RawValue>> families) {
        for (KeyFamily family : ConfigKeys.families()) {
            Optional<String> variable = family.variableOf(value.key());
            if (variable.isPresent()) {
                families.computeIfAbsent(family, ignored -> new LinkedHashMap<>())
                        .putIfAbsent(family.identity(variable.get()), value);
                return true;
            }
        }
        return false;
    }
}
