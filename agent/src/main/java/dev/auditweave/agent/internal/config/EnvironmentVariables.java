package dev.auditweave.agent.internal.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads the keys from environment variables: {@code auditweave.batch.max-events} is
 * {@code AUDITWEAVE_BATCH_MAX_EVENTS}; a family's chosen part follows its prefix with {@code _} for {@code -}
 * ({@code AUDITWEAVE_HTTP_HEADER_CF_ACCESS_CLIENT_ID} is header {@code CF-ACCESS-CLIENT-ID}).
 */
final class EnvironmentVariables {

    private static final String PREFIX = ConfigKey.environmentName(ConfigKeys.PREFIX);
    private static final Map<String, ConfigKey<?>> KEYS_BY_VARIABLE = keysByVariable();

    private EnvironmentVariables() {
    }

    static Layer read(Map<String, String> environment) {
        List<RawValue> values = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        // Sorted: the process environment has no meaningful order, and header order should not depend on hashing.
        new TreeMap<>(environment).forEach((name, value) -> {
            if (!name.startsWith(PREFIX) || value == null || name.equals(ConfigKeys.REDACT_KEY_ENV.defaultText())) {
                return; // The hash key's default variable holds a secret, not a setting.
            }
            Optional<String> key = keyOf(name);
            if (key.isPresent()) {
                values.add(new RawValue(key.get(), value.trim(), Origin.environmentVariable(name)));
            } else {
                warnings.add(Suggestions.unknownEnvironmentVariable(name));
            }
        });
        return new Layer(values, warnings);
    }

    private static Optional<String> keyOf(String name) {
        ConfigKey<?> key = KEYS_BY_VARIABLE.get(name);
        if (key != null) {
            return Optional.of(key.name());
        }
        for (KeyFamily family : ConfigKeys.families()) {
            Optional<String> variable = family.variableOfEnvironment(name);
            if (variable.isPresent()) {
                return Optional.of(family.keyFor(variable.get()));
            }
        }
        return Optional.empty();
    }

    private static Map<String, ConfigKey<?>> keysByVariable() {
        Map<String, ConfigKey<?>> byVariable = new HashMap<>();
        ConfigKeys.keys().forEach(key -> byVariable.put(key.environmentVariable(), key));
        return byVariable;
    }
}
