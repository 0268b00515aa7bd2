package dev.auditweave.agent.internal.expr;

import java.util.Map;

/** Reads {@code map.key} as {@code map.get("key")}. */
final class MapKeyReader implements PropertyReader {

    private final String key;

    MapKeyReader(String key) {
        this.key = key;
    }

    @Override
    public Object read(Object target) {
        return ((Map<?, ?>) target).get(key);
    }
}
