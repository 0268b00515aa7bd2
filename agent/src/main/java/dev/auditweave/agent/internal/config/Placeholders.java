package dev.auditweave.agent.internal.config;

import dev.auditweave.agent.ConfigException;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * Resolves {@code ${VAR}} and {@code ${VAR:-default}} in a value from the environment.
 *
 * <p>As in a shell, the default applies when the variable is unset or empty. Resolved text is not scanned again,
 * so a secret that happens to contain <code>${</code> stays as it is.
 */
final class Placeholders {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private Placeholders() {
    }

    /**
     * The text of {@code raw} with every reference replaced.
     *
     * @param shown how the raw text may appear in an error message (masked for secrets)
     * @throws ConfigException naming the key and the variable when a variable without default is unset
     */
    static String resolve(RawValue raw, Map<String, String> environment, ValueType<?> shown) {
        String text = raw.text();
        int start = text.indexOf("${");
        if (start < 0) {
            return text;
        }
        StringBuilder resolved = new StringBuilder();
        int position = 0;
        for (; start >= 0; start = text.indexOf("${", position)) {
            resolved.append(text, position, start);
            int end = text.indexOf('}', start + 2);
            if (end < 0) {
                throw invalid(raw, shown, "expected '}' to close '${'");
            }
            String reference = text.substring(start + 2, end);
            int separator = reference.indexOf(":-");
            String name = separator < 0 ? reference : reference.substring(0, separator);
            if (!NAME.matcher(name).matches()) {
                throw invalid(raw, shown, "expected ${NAME} or ${NAME:-default} where NAME is an environment"
                        + " variable name (letters, digits, _), not '${" + reference + "}'");
            }
            String value = environment.get(name);
            if (separator >= 0 && (value == null || value.isEmpty())) {
                value = reference.substring(separator + 2);
            }
            if (value == null) {
                throw invalid(raw, shown, "environment variable " + name + " is not set; set it, or give a default"
                        + " as ${" + name + ":-default}");
            }
            resolved.append(value);
            position = end + 1;
        }
        return resolved.append(text, position, text.length()).toString().trim();
    }

    private static ConfigException invalid(RawValue raw, ValueType<?> shown, String problem) {
        return ConfigException.invalid(raw.key(), shown.shown(raw.text()), raw.origin().description(), problem);
    }
}
