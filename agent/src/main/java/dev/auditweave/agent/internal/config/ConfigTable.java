package dev.auditweave.agent.internal.config;

import java.util.List;

/**
 * The key table as Markdown, for docs/configuration.md.
 *
 * <pre>{@code
 * | Key | Environment variable | Default | Expected | Meaning |
 * |---|---|---|---|---|
 * | `auditweave.enabled` | `AUDITWEAVE_ENABLED` | `true` | true or false | false = instrument nothing |
 * ...
 * }</pre>
 */
final class ConfigTable {

    private ConfigTable() {
    }

    /** One row per key, then one per family, in the order given. */
    static String markdown(List<ConfigKey<?>> keys, List<KeyFamily> families) {
        StringBuilder table = new StringBuilder()
                .append("| Key | Environment variable | Default | Expected | Meaning |\n")
                .append("|---|---|---|---|---|\n");
        for (ConfigKey<?> key : keys) {
            row(table, key.name(), key.environmentVariable(),
                    key.defaultText().isEmpty() ? "(unset)" : "`" + key.defaultText() + "`",
                    key.expected(), key.description());
        }
        for (KeyFamily family : families) {
            row(table, family.pattern(), family.environmentPattern(), family.defaultText(),
                    "name: " + family.variableExpected() + "; value: " + family.expected(), family.description());
        }
        return table.toString();
    }

    private static void row(StringBuilder table, String key, String env, String defaultText, String expected,
                            String description) {
        table.append("| `").append(key).append("` | `").append(env).append("` | ").append(defaultText)
                .append(" | ").append(cell(expected)).append(" | ").append(cell(description)).append(" |\n");
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }
}
