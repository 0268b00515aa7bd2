package dev.auditweave.agent.internal.expr;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Text values by name, read by expressions as keys ({@code MDC.requestId}, {@code REQUEST.headers['User-Agent']}):
 * the request's headers (names case-insensitive) and the logging context. Internal; immutable. Typed as a
 * {@code Map<String, String>}, so a key reads as a {@code String} (or {@code null} when absent). Never a field value as
 * a whole: an expression names the keys it sends.
 *
 * <pre>{@code
 * ContextMap headers = ContextMap.caseInsensitive(Map.of("User-Agent", "curl/8.5.0"));
 * headers.get("user-agent");   // "curl/8.5.0"
 * }</pre>
 */
public final class ContextMap extends AbstractMap<String, String> {

    private static final ContextMap EMPTY = new ContextMap(Map.of());

    private final Map<String, String> values;

    private ContextMap(Map<String, String> values) {
        this.values = values;
    }

    /** An empty map. */
    public static ContextMap empty() {
        return EMPTY;
    }

    /** A copy of {@code values} whose keys are looked up exactly. */
    public static ContextMap of(Map<String, String> values) {
        return values.isEmpty() ? EMPTY : new ContextMap(Collections.unmodifiableMap(new HashMap<>(checked(values))));
    }

    /** A copy of {@code values} whose keys are looked up ignoring case, as HTTP header names are. */
    public static ContextMap caseInsensitive(Map<String, String> values) {
        Map<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        copy.putAll(checked(values));
        return new ContextMap(Collections.unmodifiableMap(copy));
    }

    private static Map<String, String> checked(Map<String, String> values) {
        for (Map.Entry<String, String> entry : values.entrySet()) {
            Objects.requireNonNull(entry.getKey(), "a name");
            Objects.requireNonNull(entry.getValue(), () -> "the value of " + entry.getKey());
        }
        return values;
    }

    @Override
    public String get(Object key) {
        return key instanceof String name ? values.get(name) : null;
    }

    @Override
    public boolean containsKey(Object key) {
        return key instanceof String name && values.containsKey(name);
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
        return values.entrySet();
    }
}
