package dev.auditweave.agent.internal.config;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

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
    /** The literal between two placeholders ({@code .header.}), or {@code null} for a family with one. */
    private final String middle;
    private final String secondPlaceholder;
    private final String defaultText;
    private final Predicate<String> variableRule;
    private final String variableExpected;
    private final boolean ignoreCase;
    private final ValueType<String> type;
    private final String description;
    /** Whether an environment variable can set a key of the family. */
    private final boolean inEnvironment;
    /** How the second part of a two-part family reads in an environment variable's name. */
    private final UnaryOperator<String> secondPartFromEnvironment;

    KeyFamily(String pattern, Predicate<String> variableRule, String variableExpected, boolean ignoreCase,
              ValueType<String> type, String description) {
        this(pattern, variableRule, variableExpected, ignoreCase, type, "(unset)", description);
    }

    /**
     * @param defaultText the default column of docs/configuration.md: {@code (unset)}, a value in backticks, or the key it falls
     *                    back to
     */
    KeyFamily(String pattern, Predicate<String> variableRule, String variableExpected, boolean ignoreCase,
              ValueType<String> type, String defaultText, String description) {
        this(pattern, variableRule, variableExpected, ignoreCase, type, defaultText, description, true);
    }

    /**
     * @param inEnvironment {@code false} for a family whose keys no environment variable can name unambiguously
     *                      (a sink's own settings: in {@code AUDITWEAVE_SINK_MY_AUDIT_PATH} the sink name and the
     *                      setting cannot be told apart)
     */
    KeyFamily(String pattern, Predicate<String> variableRule, String variableExpected, boolean ignoreCase,
              ValueType<String> type, String defaultText, String description, boolean inEnvironment) {
        this(pattern, variableRule, variableExpected, ignoreCase, type, defaultText, description, inEnvironment,
                part -> part.replace('_', '-'));
    }

    /**
     * @param secondPartFromEnvironment for a two-part family, the second part as written in a key from its form in
     *                                  an environment variable's name ({@code _} for {@code -} unless told otherwise)
     */
    KeyFamily(String pattern, Predicate<String> variableRule, String variableExpected, boolean ignoreCase,
              ValueType<String> type, String defaultText, String description, boolean inEnvironment,
              UnaryOperator<String> secondPartFromEnvironment) {
        this.inEnvironment = inEnvironment;
        this.secondPartFromEnvironment = Objects.requireNonNull(secondPartFromEnvironment, "secondPartFromEnvironment");
        this.pattern = Objects.requireNonNull(pattern, "pattern");
        int open = pattern.indexOf('<');
        int close = pattern.indexOf('>', open);
        if (open < 0 || close < 0) {
            throw new IllegalArgumentException("pattern needs one <placeholder>: " + pattern);
        }
        this.prefix = pattern.substring(0, open);
        this.placeholder = pattern.substring(open + 1, close);
        // A second placeholder (auditweave.sink.<name>.header.<Header-Name>) must end the pattern; the variable
        // is then the text between prefix and suffix, "abuse.header.X-Id", split at the middle literal.
        int open2 = pattern.indexOf('<', close);
        if (open2 >= 0) {
            int close2 = pattern.indexOf('>', open2);
            if (close2 != pattern.length() - 1) {
                throw new IllegalArgumentException("a second <placeholder> must end the pattern: " + pattern);
            }
            this.middle = pattern.substring(close + 1, open2);
            this.secondPlaceholder = pattern.substring(open2 + 1, close2);
            this.suffix = "";
        } else {
            this.middle = null;
            this.secondPlaceholder = null;
            this.suffix = pattern.substring(close + 1);
        }
        this.defaultText = Objects.requireNonNull(defaultText, "defaultText");
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
        if (!inEnvironment) {
            return "(none)";
        }
        String first = ConfigKey.environmentName(prefix) + "<" + ConfigKey.environmentName(placeholder) + ">";
        if (middle != null) {
            return first + ConfigKey.environmentName(middle) + "<" + ConfigKey.environmentName(secondPlaceholder) + ">";
        }
        return first + ConfigKey.environmentName(suffix);
    }

    /** The default column of docs/configuration.md for the family. */
    public String defaultText() {
        return defaultText;
    }

    /** Whether the variable has two parts, such as a sink name and a header name. */
    public boolean hasTwoParts() {
        return middle != null;
    }

    /**
     * The parts of a variable this family produced: one, or for a two-part family such as
     * {@code auditweave.sink.<name>.header.<Header-Name>} the two, {@code [abuse, X-Id]}.
     */
    public java.util.List<String> parts(String variable) {
        if (middle == null) {
            return java.util.List.of(variable);
        }
        int at = variable.indexOf(middle);
        return java.util.List.of(variable.substring(0, at), variable.substring(at + middle.length()));
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
        if (middle != null) {
            int at = variable.indexOf(middle);
            boolean wellFormed = at > 0 && variable.substring(0, at).indexOf('.') < 0
                    && variable.length() > at + middle.length();
            return wellFormed ? Optional.of(variable) : Optional.empty();
        }
        return suffix.isEmpty() || variable.indexOf('.') < 0 ? Optional.of(variable) : Optional.empty();
    }

    /** The user-chosen part of an environment variable's name, when it belongs to this family. */
    public Optional<String> variableOfEnvironment(String name) {
        if (!inEnvironment) {
            return Optional.empty();
        }
        String envPrefix = ConfigKey.environmentName(prefix);
        String envSuffix = ConfigKey.environmentName(suffix);
        if (!name.startsWith(envPrefix) || !name.endsWith(envSuffix)
                || name.length() <= envPrefix.length() + envSuffix.length()) {
            return Optional.empty();
        }
        String variable = name.substring(envPrefix.length(), name.length() - envSuffix.length());
        if (middle != null) {
            String envMiddle = ConfigKey.environmentName(middle);
            int at = variable.indexOf(envMiddle);
            if (at <= 0 || variable.length() <= at + envMiddle.length()) {
                return Optional.empty();
            }
            return Optional.of(variable.substring(0, at).replace('_', '-') + middle
                    + secondPartFromEnvironment.apply(variable.substring(at + envMiddle.length())));
        }
        return Optional.of(variable.replace('_', '-'));
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

    /**
     * Where the user-chosen part goes, for messages: {@code after auditweave.http.header.}, or for a part inside the
     * key {@code as <id> in auditweave.emit.<id>.type}.
     */
    String variablePlace() {
        return suffix.isEmpty() ? "after " + prefix : "as <" + placeholder + "> in " + pattern;
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
