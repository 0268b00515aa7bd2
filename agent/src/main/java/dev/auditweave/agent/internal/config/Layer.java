package dev.auditweave.agent.internal.config;

import java.util.List;

/**
 * What one source contributed: its values in the source's own order, and what it found worth a warning while
 * reading (unknown environment variables, repeated agent arguments, ...).
 */
record Layer(List<RawValue> values, List<String> warnings) {

    static final Layer EMPTY = new Layer(List.of(), List.of());

    Layer {
        values = List.copyOf(values);
        warnings = List.copyOf(warnings);
    }
}
