package dev.auditweave.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import dev.auditweave.agent.internal.config.ConfigKey;
import dev.auditweave.agent.internal.config.ConfigKeys;
import dev.auditweave.agent.internal.config.EmitKeys;
import dev.auditweave.agent.internal.config.KeyFamily;
import dev.auditweave.agent.internal.config.SinkKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * META-INF/spring-configuration-metadata.json, read by IDEs to complete the keys, is the key table of the agent, so
 * that it stays true when a key changes (as ConfigTableDocTest keeps docs/configuration.md's table). To regenerate it:
 * {@code mvn -pl spring-boot-starter -am verify -Dauditweave.metadata.write=true}.
 */
class ConfigurationMetadataTest {

    private static final Path FILE = Path.of("src/main/resources/META-INF/spring-configuration-metadata.json");

    @Test
    void metadata_isTheKeyTable() throws IOException {
        String expected = generate();
        if (Boolean.getBoolean("auditweave.metadata.write")) {
            Files.writeString(FILE, expected, StandardCharsets.UTF_8);
        }

        assertThat(Files.readString(FILE, StandardCharsets.UTF_8))
                .as("%s; regenerate it with -Dauditweave.metadata.write=true", FILE)
                .isEqualTo(expected);
    }

    @Test
    void metadata_namesEveryKeyAndEveryFamily() throws IOException {
        String metadata = Files.readString(FILE, StandardCharsets.UTF_8);

        List<String> names = JsonPath.read(metadata, "$.properties[*].name");

        assertThat(names).containsAll(ConfigKeys.keys().stream().map(ConfigKey::name).toList())
                .contains("auditweave.http.header").doesNotHaveDuplicates();
        for (KeyFamily family : ConfigKeys.families()) {
            assertThat(metadata).contains(family.pattern());
        }
    }

    /** The metadata from ConfigKeys: one property per key, the header family as a map, the sink families described. */
    static String generate() {
        List<String> properties = new ArrayList<>();
        for (ConfigKey<?> key : ConfigKeys.keys()) {
            String description = key.description() + ". Expected: " + key.expected() + ".";
            if (key == ConfigKeys.SINKS) {
                StringBuilder families = new StringBuilder(description).append(" Keys of each named sink:");
                for (KeyFamily family : SinkKeys.families()) {
                    families.append(' ').append(family.pattern()).append(" (").append(family.description())
                            .append(")");
                }
                description = families.toString();
            }
            StringBuilder entry = new StringBuilder()
                    .append("    {\n")
                    .append("      \"name\": ").append(quote(key.name())).append(",\n")
                    .append("      \"type\": ").append(quote(type(key))).append(",\n")
                    .append("      \"description\": ").append(quote(description)).append(",\n")
                    .append("      \"sourceType\": \"dev.auditweave.agent.internal.config.ConfigKeys\"");
            if (!key.defaultText().isEmpty()) {
                entry.append(",\n      \"defaultValue\": ").append(defaultValue(key));
            }
            properties.add(entry.append("\n    }").toString());
        }
        KeyFamily headers = ConfigKeys.HTTP_HEADER;
        properties.add("    {\n"
                + "      \"name\": " + quote(headers.keyFor("").substring(0, headers.keyFor("").length() - 1)) + ",\n"
                + "      \"type\": \"java.util.Map<java.lang.String,java.lang.String>\",\n"
                + "      \"description\": " + quote(headers.pattern() + ": " + headers.description() + ".") + ",\n"
                + "      \"sourceType\": \"dev.auditweave.agent.internal.config.ConfigKeys\"\n"
                + "    }");
        StringBuilder emits = new StringBuilder("emit sites declared in configuration, one id per site"
                + " (docs/declared-sites.md):");
        for (KeyFamily family : EmitKeys.families()) {
            emits.append(' ').append(family.pattern()).append(" (").append(family.description()).append(')');
        }
        properties.add("    {\n"
                + "      \"name\": \"auditweave.emit\",\n"
                + "      \"type\": \"java.util.Map<java.lang.String,java.lang.String>\",\n"
                + "      \"description\": " + quote(emits + ".") + ",\n"
                + "      \"sourceType\": \"dev.auditweave.agent.internal.config.ConfigKeys\"\n"
                + "    }");
        return "{\n"
                + "  \"groups\": [\n"
                + "    {\n"
                + "      \"name\": \"auditweave\",\n"
                + "      \"description\": \"auditweave: business events from annotated methods (generated from ConfigKeys).\",\n"
                + "      \"sourceType\": \"dev.auditweave.agent.internal.config.ConfigKeys\"\n"
                + "    }\n"
                + "  ],\n"
                + "  \"properties\": [\n"
                + String.join(",\n", properties) + "\n"
                + "  ]\n"
                + "}\n";
    }

    private static String type(ConfigKey<?> key) {
        Object value = key.defaultValue();
        if (value instanceof Boolean) {
            return "java.lang.Boolean";
        }
        if (value instanceof Integer) {
            return "java.lang.Integer";
        }
        if (value instanceof Long || value instanceof Duration) {
            return "java.lang.Long";
        }
        return "java.lang.String";
    }

    private static String defaultValue(ConfigKey<?> key) {
        String type = type(key);
        return type.equals("java.lang.String") ? quote(key.defaultText()) : key.defaultText();
    }

    private static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\t' -> quoted.append("\\t");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
