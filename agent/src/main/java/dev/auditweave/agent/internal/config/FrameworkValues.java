package dev.auditweave.agent.internal.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Values a framework gathered from its own configuration (Spring's {@code Environment}), turned into one layer, in
 * the order given, which is the precedence: the first value of a key wins. A name in environment-variable form
 * ({@code AUDITWEAVE_HTTP_URL}) is mapped to its key exactly as the agent maps the process environment, origin
 * included; any other name is taken as a key.
 */
final class FrameworkValues {

    private static final String ENVIRONMENT_PREFIX = ConfigKey.environmentName(ConfigKeys.PREFIX);

    private FrameworkValues() {
    }

    static Layer layer(Map<String, String> values, Map<String, String> origins, String defaultOrigin) {
        List<RawValue> raw = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        values.forEach((name, value) -> {
            if (name == null || value == null) {
                return;
            }
            if (name.startsWith(ENVIRONMENT_PREFIX)) {
                Layer environment = EnvironmentVariables.read(Map.of(name, value));
                raw.addAll(environment.values());
                warnings.addAll(environment.warnings());
            } else {
                raw.add(new RawValue(name, value.trim(), new Origin(origins.getOrDefault(name, defaultOrigin))));
            }
        });
        return new Layer(raw, warnings);
    }
}
