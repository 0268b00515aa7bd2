package dev.auditweave.agent.event;

import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Turns a field value into an immutable snapshot on the calling thread, so that the worker thread
 * serialises what the method saw, not what the object became afterwards.
 *
 * <ul>
 *   <li>strings, booleans, characters and the JDK's immutable numbers stay as they are;</li>
 *   <li>enums become their name, UUIDs, {@code java.time} values and other immutable scalars their string form,
 *       {@link Date} its epoch milliseconds;</li>
 *   <li>{@link Optional} is unwrapped; maps, collections, arrays and records are copied into unmodifiable
 *       maps and lists, recursively;</li>
 *   <li>any other object becomes its {@code toString()}: only what a field names leaves the process, never an
 *       implicit dump of a bean.</li>
 * </ul>
 */
public final class EventValues {

    private static final int MAX_DEPTH = 16;

    private EventValues() {
    }

    /** The immutable snapshot of {@code value}; {@code null} stays {@code null}. */
    public static Object snapshot(Object value) {
        return snapshot(value, 0);
    }

    private static Object snapshot(Object value, int depth) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Character) {
            return value;
        }
        if (value instanceof Number number) {
            return number(number);
        }
        if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        if (value instanceof UUID || value instanceof TemporalAccessor) {
            return value.toString();
        }
        if (value instanceof Date date) {
            return date.getTime();
        }
        if (depth >= MAX_DEPTH) {
            return String.valueOf(value);
        }
        if (value instanceof Optional<?> optional) {
            return snapshot(optional.orElse(null), depth + 1);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>(Math.max(4, map.size() * 2));
            map.forEach((k, v) -> copy.put(String.valueOf(k), snapshot(v, depth + 1)));
            return Collections.unmodifiableMap(copy);
        }
        if (value instanceof Collection<?> collection) {
            List<Object> copy = new ArrayList<>(collection.size());
            collection.forEach(element -> copy.add(snapshot(element, depth + 1)));
            return Collections.unmodifiableList(copy);
        }
        if (value.getClass().isArray()) {
            int length = Array.getLength(value);
            List<Object> copy = new ArrayList<>(length);
            for (int i = 0; i < length; i++) {
                copy.add(snapshot(Array.get(value, i), depth + 1));
            }
            return Collections.unmodifiableList(copy);
        }
        if (value.getClass().isRecord()) {
            return record((Record) value, depth);
        }
        return value.toString();
    }

    /** Mutable or unknown number types (AtomicLong, LongAdder, subclasses) are copied to an immutable JDK type. */
    private static Object number(Number number) {
        if (number instanceof Integer || number instanceof Long || number instanceof Double
                || number instanceof Float || number instanceof Short || number instanceof Byte) {
            return number;
        }
        if (number.getClass() == BigDecimal.class || number.getClass() == BigInteger.class) {
            return number;
        }
        return new BigDecimal(number.toString());
    }

    private static Object record(Record value, int depth) {
        RecordAccessors accessors = RECORD_ACCESSORS.get(value.getClass());
        Map<String, Object> copy = new LinkedHashMap<>(accessors.names.length * 2);
        for (int i = 0; i < accessors.names.length; i++) {
            try {
                copy.put(accessors.names[i], snapshot(accessors.getters[i].invoke(value), depth + 1));
            } catch (ReflectiveOperationException | RuntimeException e) {
                return value.toString();
            }
        }
        return Collections.unmodifiableMap(copy);
    }

    /** Record accessors are looked up once per record class, never per call. */
    private static final ClassValue<RecordAccessors> RECORD_ACCESSORS = new ClassValue<>() {
        @Override
        protected RecordAccessors computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            String[] names = new String[components.length];
            Method[] getters = new Method[components.length];
            for (int i = 0; i < components.length; i++) {
                names[i] = components[i].getName();
                getters[i] = components[i].getAccessor();
                getters[i].trySetAccessible();
            }
            return new RecordAccessors(names, getters);
        }
    };

    private record RecordAccessors(String[] names, Method[] getters) {
    }
}
