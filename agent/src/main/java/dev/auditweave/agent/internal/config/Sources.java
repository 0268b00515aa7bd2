package dev.auditweave.agent.internal.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads every source into layers, highest precedence first. */
final class Sources {

    /** Agent arguments, system properties, environment: the layers {@link #read} puts before the file. */
    static final int BEFORE_FILE = 3;

    private Sources() {
    }

    /**
     * Agent arguments, system properties, environment, then the properties file the first three point to (or the
     * one found by convention).
     */
    static List<Layer> read(String agentArguments, Map<String, String> systemProperties,
                            Map<String, String> environment, Path workingDirectory) {
        List<Layer> layers = new ArrayList<>(List.of(
                AgentArguments.parse(agentArguments),
                systemProperties(systemProperties),
                EnvironmentVariables.read(environment)));
        PropertiesFile.find(configFile(layers, environment), workingDirectory).ifPresent(layers::add);
        return layers;
    }

    /**
     * The properties file {@code auditweave.properties} as {@code loader} finds it on the class path (an
     * application class loader the agent's own sources cannot see, such as a Spring Boot fat jar's), if any.
     */
    static Optional<Layer> classPathFile(ClassLoader loader) {
        return PropertiesFile.onClassPath(loader);
    }

    /** The auditweave entries of {@code map} as one layer, in the map's order. */
    static Layer fromMap(Map<String, String> map, Origin origin, boolean prefixedOnly) {
        List<RawValue> values = new ArrayList<>();
        map.forEach((key, value) -> {
            if (value != null && (!prefixedOnly || key.startsWith(ConfigKeys.PREFIX))) {
                values.add(new RawValue(key, value.trim(), origin));
            }
        });
        return new Layer(values, List.of());
    }

    /** Programmatic overrides; {@code auditweave.config.file} is left out, since files were read already. */
    static Layer overrides(Map<String, String> overrides) {
        Layer all = fromMap(overrides, Origin.OVERRIDE, false);
        List<RawValue> values = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (RawValue value : all.values()) {
            if (value.key().equals(ConfigKeys.CONFIG_FILE.name())) {
                warnings.add(value.key() + " (" + value.origin() + ") is ignored: overrides do not read files");
            } else {
                values.add(value);
            }
        }
        return new Layer(values, warnings);
    }

    private static Layer systemProperties(Map<String, String> systemProperties) {
        // Other system properties belong to the JVM and the application: only auditweave.* is ours.
        return fromMap(systemProperties, Origin.SYSTEM_PROPERTY, true);
    }

    private static Optional<RawValue> configFile(List<Layer> layers, Map<String, String> environment) {
        String key = ConfigKeys.CONFIG_FILE.name();
        for (Layer layer : layers) {
            for (RawValue value : layer.values()) {
                if (value.key().equals(key)) {
                    String path = Placeholders.resolve(value, environment, ConfigKeys.CONFIG_FILE.type());
                    return Optional.of(new RawValue(key, path, value.origin()));
                }
            }
        }
        return Optional.empty();
    }
}
