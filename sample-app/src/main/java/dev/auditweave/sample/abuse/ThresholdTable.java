package dev.auditweave.sample.abuse;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The thresholds in force: a default set and, per event type, an optional set of its own; changed at run time
 * (readers always see a complete, consistent table).
 *
 * <pre>{@code
 * ThresholdTable table = new ThresholdTable();
 * table.set("stripe.charge.failed", new Thresholds(20, 40, 70));
 * table.forType("stripe.charge.failed");   // 20/40/70
 * table.forType("user.blocked");           // the default, 30/60/85
 * }</pre>
 */
public final class ThresholdTable {

    /** The scope of the default thresholds. */
    public static final String DEFAULT_SCOPE = "*";

    private volatile Map<String, Thresholds> byScope = Map.of(DEFAULT_SCOPE, Thresholds.DEFAULT);

    /** The thresholds that apply to events of {@code type}: its own, else the default. */
    public Thresholds forType(String type) {
        Map<String, Thresholds> current = byScope;
        return current.getOrDefault(type, current.get(DEFAULT_SCOPE));
    }

    /** The default thresholds. */
    public Thresholds defaults() {
        return byScope.get(DEFAULT_SCOPE);
    }

    /** Every scope's thresholds, the default first, then the types in the order they were set. */
    public Map<String, Thresholds> snapshot() {
        return byScope;
    }

    /** Sets the thresholds of {@code scope} ({@link #DEFAULT_SCOPE} or an event type); returns what changed. */
    public synchronized ThresholdChange set(String scope, Thresholds thresholds) {
        Objects.requireNonNull(thresholds, "thresholds");
        if (scope == null || scope.isBlank()) {
            throw new IllegalArgumentException("a threshold scope is \"*\" or an event type, not blank");
        }
        Map<String, Thresholds> next = new LinkedHashMap<>(byScope);
        Thresholds previous = next.put(scope, thresholds);
        byScope = java.util.Collections.unmodifiableMap(next);
        return new ThresholdChange(scope, previous, thresholds);
    }
}
