package dev.auditweave.agent.internal.dispatch;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Which event types a sink receives ({@code auditweave.sink.<name>.types}): patterns where {@code *} stands for any
 * text, compiled once into one regular expression. Matched on the calling thread only when a type is first seen:
 * {@link Pipeline} caches the decision per type.
 *
 * <pre>{@code
 * TypeFilter filter = TypeFilter.of(List.of("user.*", "org.member_added"));
 * filter.matches("user.blocked");  // true
 * filter.matches("billing.credit_purchased");  // false
 * }</pre>
 */
public final class TypeFilter {

    /** Every type. */
    public static final TypeFilter ALL = new TypeFilter(List.of("*"), null);

    private final List<String> patterns;
    private final Pattern regex;

    private TypeFilter(List<String> patterns, Pattern regex) {
        this.patterns = patterns;
        this.regex = regex;
    }

    public static TypeFilter of(List<String> patterns) {
        if (patterns.isEmpty() || patterns.contains("*")) {
            return ALL;
        }
        StringBuilder regex = new StringBuilder();
        for (String pattern : patterns) {
            if (regex.length() > 0) {
                regex.append('|');
            }
            String[] literals = pattern.split("\\*", -1);
            for (int i = 0; i < literals.length; i++) {
                if (i > 0) {
                    regex.append(".*");
                }
                if (!literals[i].isEmpty()) {
                    regex.append(Pattern.quote(literals[i]));
                }
            }
        }
        return new TypeFilter(List.copyOf(patterns), Pattern.compile(regex.toString(), Pattern.DOTALL));
    }

    /** Whether every type matches, so that routing can skip looking. */
    public boolean matchesAll() {
        return regex == null;
    }

    public boolean matches(String type) {
        return regex == null || regex.matcher(type).matches();
    }

    public List<String> patterns() {
        return patterns;
    }

    @Override
    public String toString() {
        return String.join(",", patterns);
    }
}
