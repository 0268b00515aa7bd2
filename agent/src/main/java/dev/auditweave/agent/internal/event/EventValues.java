package dev.auditweave.agent.internal.event;

import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
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
 *
 * <p>Bounded by {@link SnapshotLimits}, so that no value can overflow the calling thread's stack, copy without end
 * or lose its event; what is left out is replaced by a readable marker, a string in angle brackets:
 *
 * <ul>
 *   <li>a container that contains itself (directly, or through records, maps, lists, arrays or optionals) becomes
 *       {@code "<cycle: java.util.ArrayList>"} where it recurs;</li>
 *   <li>a container deeper than {@code maxDepth} becomes {@code "<deeper than 16 levels: java.util.HashMap>"};</li>
 *   <li>a map, list or array keeps its first {@code maxElements} entries; a list then ends with the element
 *       {@code "<4000 more of 5000 elements>"}, a map with the entry {@code "<truncated>": "<4000 more of 5000
 *       entries>"};</li>
 *   <li>a {@code toString()} text longer than {@code maxTextLength} is cut and ends {@code "<cut: 9000 chars>"};
 *       one that throws (or overflows the stack) becomes {@code "<toString() of com.acme.Foo threw
 *       java.lang.IllegalStateException>"}; a record accessor that throws, {@code "<accessor id() of com.acme.User
 *       threw ...>"}; a map or collection that cannot be iterated (changed concurrently), {@code "<unreadable
 *       java.util.ArrayList: java.util.ConcurrentModificationException>"}.</li>
 * </ul>
 *
 * <pre>{@code
 * List<Object> list = new ArrayList<>(List.of("a"));
 * list.add(list);
 * EventValues.snapshot(list, SnapshotLimits.DEFAULTS);   // ["a", "<cycle: java.util.ArrayList>"]
 * }</pre>
 */
public final class EventValues {

    /** The key of the entry that says how many entries of a map were left out. */
    public static final String TRUNCATED_KEY = "<truncated>";

    /** What {@link #scalar} answers for a value that is not one. */
    private static final Object NOT_SCALAR = new Object();

    private EventValues() {
    }

    /** The immutable snapshot of {@code value} within {@link SnapshotLimits#DEFAULTS}; {@code null} stays {@code null}. */
    public static Object snapshot(Object value) {
        return snapshot(value, SnapshotLimits.DEFAULTS);
    }

    /** The immutable snapshot of {@code value} within {@code limits}; {@code null} stays {@code null}. Never throws. */
    public static Object snapshot(Object value, SnapshotLimits limits) {
        Object scalar = scalar(value, limits);
        if (scalar != NOT_SCALAR) {
            return scalar;
        }
        try {
            return new Copy(limits).of(value, 0);
        } catch (StackOverflowError e) {
            // The calling thread was already deep in its stack when the method returned.
            return "<too deep for the calling thread's stack: " + value.getClass().getName() + ">";
        }
    }

    /** The snapshot of a value that needs no walk, or {@link #NOT_SCALAR}. */
    private static Object scalar(Object value, SnapshotLimits limits) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Character) {
            return value;
        }
        if (value instanceof Number number) {
            return number(number, limits);
        }
        if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        if (value instanceof UUID || value instanceof TemporalAccessor) {
            return text(value, limits);
        }
        if (value instanceof Date date) {
            return date.getTime();
        }
        if (value instanceof Optional || value instanceof Map || value instanceof Collection
                || value.getClass().isArray() || value.getClass().isRecord()) {
            return NOT_SCALAR;
        }
        return text(value, limits);
    }

    /** Mutable or unknown number types (AtomicLong, LongAdder, subclasses) are copied to an immutable JDK type. */
    private static Object number(Number number, SnapshotLimits limits) {
        if (number instanceof Integer || number instanceof Long || number instanceof Double
                || number instanceof Float || number instanceof Short || number instanceof Byte) {
            return number;
        }
        if (number.getClass() == BigDecimal.class || number.getClass() == BigInteger.class) {
            return number;
        }
        Object text = text(number, limits);
        try {
            return new BigDecimal((String) text);
        } catch (RuntimeException notDecimal) {
            return text;
        }
    }

    /** The {@code toString()} of {@code value}, cut to the limit; a marker when it throws. */
    private static Object text(Object value, SnapshotLimits limits) {
        String text;
        try {
            text = value.toString();
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            return "<toString() of " + value.getClass().getName() + " threw " + e.getClass().getName() + ">";
        }
        if (text == null || text.length() <= limits.maxTextLength()) {
            return text;
        }
        int end = limits.maxTextLength();
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "<cut: " + text.length() + " chars>";
    }

    /** One walk over a value: the containers on the path from the top, to tell a cycle from a shared value. */
    private static final class Copy {
        private final SnapshotLimits limits;
        private final Object[] path;

        Copy(SnapshotLimits limits) {
            this.limits = limits;
            this.path = new Object[limits.maxDepth()];
        }

        Object of(Object value, int depth) {
            Object scalar = scalar(value, limits);
            if (scalar != NOT_SCALAR) {
                return scalar;
            }
            for (int i = 0; i < depth; i++) {
                if (path[i] == value) {
                    return "<cycle: " + value.getClass().getName() + ">";
                }
            }
            if (depth >= limits.maxDepth()) {
                return "<deeper than " + limits.maxDepth() + " levels: " + value.getClass().getName() + ">";
            }
            path[depth] = value;
            try {
                return container(value, depth);
            } catch (RuntimeException e) {
                return "<unreadable " + value.getClass().getName() + ": " + e.getClass().getName() + ">";
            } finally {
                path[depth] = null;
            }
        }

        private Object container(Object value, int depth) {
            if (value instanceof Optional<?> optional) {
                return of(optional.orElse(null), depth + 1);
            }
            if (value instanceof Map<?, ?> map) {
                return map(map, depth);
            }
            if (value instanceof Collection<?> collection) {
                return collection(collection, depth);
            }
            if (value.getClass().isArray()) {
                return array(value, depth);
            }
            return record((Record) value, depth);
        }

        private Object map(Map<?, ?> map, int depth) {
            int size = map.size();
            int max = limits.maxElements();
            Map<String, Object> copy = new LinkedHashMap<>(Math.max(4, Math.min(size, max) * 2 + 2));
            int copied = 0;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (copied == max) {
                    break;
                }
                copy.put(key(entry.getKey()), of(entry.getValue(), depth + 1));
                copied++;
            }
            if (copied == max && size > max) {
                copy.put(TRUNCATED_KEY, "<" + (size - max) + " more of " + size + " entries>");
            }
            return Collections.unmodifiableMap(copy);
        }

        /** A map key as text: a map keyed by anything but strings is keyed by their (bounded) text. */
        private String key(Object key) {
            return key instanceof String text ? text : key == null ? "null" : String.valueOf(text(key, limits));
        }

        private Object collection(Collection<?> collection, int depth) {
            int size = collection.size();
            int max = limits.maxElements();
            List<Object> copy = new ArrayList<>(Math.min(size, max) + 1);
            for (Object element : collection) {
                if (copy.size() == max) {
                    break;
                }
                copy.add(of(element, depth + 1));
            }
            if (copy.size() == max && size > max) {
                copy.add("<" + (size - max) + " more of " + size + " elements>");
            }
            return Collections.unmodifiableList(copy);
        }

        private Object array(Object array, int depth) {
            int length = Array.getLength(array);
            int kept = Math.min(length, limits.maxElements());
            List<Object> copy = new ArrayList<>(kept + 1);
            for (int i = 0; i < kept; i++) {
                copy.add(of(Array.get(array, i), depth + 1));
            }
            if (kept < length) {
                copy.add("<" + (length - kept) + " more of " + length + " elements>");
            }
            return Collections.unmodifiableList(copy);
        }

        private Object record(Record value, int depth) {
            RecordAccessors accessors = RECORD_ACCESSORS.get(value.getClass());
            Map<String, Object> copy = new LinkedHashMap<>(accessors.names.length * 2);
            for (int i = 0; i < accessors.names.length; i++) {
                Object component;
                try {
                    component = of(accessors.getters[i].invoke(value), depth + 1);
                } catch (InvocationTargetException e) {
                    component = "<accessor " + accessors.names[i] + "() of " + value.getClass().getName() + " threw "
                            + e.getCause().getClass().getName() + ">";
                } catch (ReflectiveOperationException | RuntimeException e) {
                    // Not accessible from here: the record's own text says what it holds.
                    return text(value, limits);
                }
                copy.put(accessors.names[i], component);
            }
            return Collections.unmodifiableMap(copy);
        }
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
