package dev.auditweave.sample.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** Compares expected data with received JSON: numbers by value, and {@code null} the same as absent. */
final class JsonMatch {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonMatch() {
    }

    static JsonNode toJson(Map<String, Object> data) {
        return JSON.valueToTree(data);
    }

    /** The whole of {@code actual} equals {@code expected}. */
    static boolean same(JsonNode expected, JsonNode actual) {
        boolean expectedNull = isNull(expected);
        boolean actualNull = isNull(actual);
        if (expectedNull || actualNull) {
            return expectedNull && actualNull;
        }
        if (expected.isNumber() && actual.isNumber()) {
            return expected.decimalValue().compareTo(actual.decimalValue()) == 0;
        }
        if (expected.isObject() && actual.isObject()) {
            Set<String> keys = new LinkedHashSet<>();
            expected.fieldNames().forEachRemaining(keys::add);
            actual.fieldNames().forEachRemaining(keys::add);
            return keys.stream().allMatch(key -> same(expected.get(key), actual.get(key)));
        }
        if (expected.isArray() && actual.isArray()) {
            if (expected.size() != actual.size()) {
                return false;
            }
            for (int i = 0; i < expected.size(); i++) {
                if (!same(expected.get(i), actual.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return expected.equals(actual);
    }

    /** Every key of {@code pattern} has the same value in {@code actual}; other keys of {@code actual} are ignored. */
    static boolean contains(JsonNode actual, JsonNode pattern) {
        Set<String> keys = new LinkedHashSet<>();
        pattern.fieldNames().forEachRemaining(keys::add);
        return keys.stream().allMatch(key -> same(pattern.get(key), actual.get(key)));
    }

    private static boolean isNull(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode();
    }
}
