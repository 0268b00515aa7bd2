package dev.auditweave.agent.config;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Keys that share a pattern with one user-chosen part, such as {@code auditweave.http.header.<Header-Name>}: one key
 * per header.
 *
 * <p>The chosen part is everything between the literal text before and after the {@code <...>} placeholder; when
 * text follows the placeholder ({@code auditweave.sink.<name>.type}), the part cannot contain a dot. In the
 * environment the part follows the literal prefix with {@code _} standing for {@code -}:
 *
 * <pre>{@code
 * KeyFamily headers = ConfigKeys.HTTP_HEADER;
 * headers.variableOf("auditweave.http.header.X-Api-Key");                    // Optional[X-Api-Key]
 * headers.variableOfEnvironment("AUDITWEAVE_HTTP_HEADER_CF_ACCESS_CLIENT_ID"); // Optional[CF-ACCESS-CLIENT-ID]
 * }</pre>
 */
public final class KeyFamily {

    private final String pattern;
    private final String prefix;
    private final String suffix;
    private final String placeholder;
    private final Predicate<String> variableRule;
    private final String variableExpected;
    private final boolean ignoreCase;
    private final ValueType<String> type;
    private final String description;

    KeyFamily(String pattern, Predicate<String> variableRule, String variableExpected, boolean ignoreCase,
              ValueType<String> type, String description) {
        this.pattern = Objects.requireNonNull(pattern, "pattern");
        int open = pattern.indexOf('<');
        int close = pattern.indexOf('>', open);
        if (open < 0 || close < 0) {
            throw new IllegalArgumentException("pattern needs one <placeholder>: " + pattern);
        }
        this.prefix = pattern.substring(0, open);
        this.suffix = pattern.substring(close + 1);
        this.placeholder = pattern.substring(open + 1, close);
        this.variableRule = Objects.requireNonNull(variableRule, "variableRule");
        this.variableExpected = Objects.requireNonNull(variableExpected, "variableExpected");
        this.ignoreCase = ignoreCase;
        this.type = Objects.requireNonNull(type, "type");
        this.description = Objects.requireNonNull(description, "description");
    }

    /** The pattern as documented, such as {@code auditweave.http.header.<Header-Name>}. */
    public String pattern() {
        return pattern;
    }

    /** The environment form of the pattern, such as {@code AUDITWEAVE_HTTP_HEADER_<HEADER_NAME>}. */
    public String environmentPattern() {
        return ConfigKey.environmentName(prefix) + "<" + ConfigKey.environmentName(placeholder) + ">"
                + ConfigKey.environmentName(suffix);
    }

    /** What a valid value looks like. */
    public String expected() {
        return type.expected();
    }

    /** What the keys do. */
    public String description() {
        return description;
    }

    /** The user-chosen part of {@code key}, when the key belongs to this family. */
    public Optional<String> variableOf(String key) {
        if (!key.startsWith(prefix) || !key.endsWith(suffix) || key.length() <= prefix.length() + suffix.length()) {
            return Optional.empty();
        }
        String variable = key.substring(prefix.length(), key.length() - suffix.length());
        return suffix.isEmpty() || variable.indexOf('.') < 0 ? Optional.of(variable) : Optional.empty();
    }

    /** The user-chosen part of an environment variable's name, when it belongs to this family. */
    public Optional<String> variableOfEnvironment(String name) {
        String envPrefix = ConfigKey.environmentName(prefix);
        String envSuffix = ConfigKey.environmentName(suffix);
        if (!name.startsWith(envPrefix) || !name.endsWith(envSuffix)
                || name.length() <= envPrefix.length() + envSuffix.length()) {
            return Optional.empty();
        }
        return Optional.of(name.substring(envPrefix.length(), name.length() - envSuffix.length()).replace('_', '-'));
    }

    /** The key for one user-chosen part: {@code keyFor("X-Api-Key")} is {@code auditweave.http.header.X-Api-Key}. */
    public String keyFor(String variable) {
        return prefix + variable + suffix;
    }

    /** Whether {@code variable} is acceptable (a header name must be an HTTP token, for instance). */
    boolean accepts(String variable) {
        return variableRule.test(variable);
    }

    /** What an acceptable user-chosen part looks like. */
    String variableExpected() {
        return variableExpected;
    }

    /** The identity of a user-chosen part: two keys naming the same one are the same setting. */
    String identity(String variable) {
        return ignoreCase ? variable.toLowerCase(Locale.ROOT) : variable;
    }

    ValueType<String> type() {
        return type;
    }

    @Override
    public String toString() {
        return pattern;
    }
}
