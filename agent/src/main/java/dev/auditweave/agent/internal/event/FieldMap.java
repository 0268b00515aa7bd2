package dev.auditweave.agent.internal.event;

import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * The {@code data} of an {@link Event}: an unmodifiable map in declaration order, backed by the annotation's
 * field names (one array per annotation, shared by all its events) and one array of values. Built on the calling
 * thread with one small allocation, where a {@code LinkedHashMap} would cost an entry per field, a table and a
 * wrapper. Values may be {@code null}; keys are distinct (the plan rejects a field declared twice).
 *
 * <p>It implements {@link Map} itself rather than extend {@code AbstractMap}, whose two cached views would add
 * 8 B to every event (32 B instead of 24 B, with compressed references): the guard-true figure of
 * docs/performance.md counts every byte the calling thread allocates.
 *
 * <pre>{@code
 * FieldMap.Keys keys = FieldMap.keys(List.of("kilo_user_id", "reason"));   // once per annotation
 * Map<String, Object> data = keys.with(new Object[] {"u-1", "spam"});       // per event
 * }</pre>
 */
public final class FieldMap implements Map<String, Object> {

    private static final FieldMap EMPTY = new FieldMap(new String[0], new Object[0]);

    private final String[] keys;
    private final Object[] values;

    private FieldMap(String[] keys, Object[] values) {
        this.keys = keys;
        this.values = values;
    }

    /** The field names of one annotation, in declaration order; distinct. */
    public static Keys keys(List<String> names) {
        String[] keys = names.toArray(new String[0]);
        if (names.stream().distinct().count() != keys.length) {
            throw new IllegalArgumentException("field names must be distinct: " + names);
        }
        return new Keys(keys);
    }

    /** The field names of one annotation, built once; {@link #with} makes each event's map. */
    public static final class Keys {
        private final String[] names;

        private Keys(String[] names) {
            this.names = names;
        }

        public int size() {
            return names.length;
        }

        /** The map of these names to {@code values} (same length, taken over: do not change it afterwards). */
        public Map<String, Object> with(Object[] values) {
            if (values.length != names.length) {
                throw new IllegalArgumentException(names.length + " names, " + values.length + " values");
            }
            return names.length == 0 ? EMPTY : new FieldMap(names, values);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Keys keys && Arrays.equals(names, keys.names);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(names);
        }

        @Override
        public String toString() {
            return Arrays.toString(names);
        }
    }

    @Override
    public int size() {
        return keys.length;
    }

    @Override
    public boolean isEmpty() {
        return keys.length == 0;
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    public boolean containsValue(Object value) {
        for (Object held : values) {
            if (Objects.equals(held, value)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Object get(Object key) {
        int index = indexOf(key);
        return index < 0 ? null : values[index];
    }

    private int indexOf(Object key) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i].equals(key)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public Object put(String key, Object value) {
        throw unmodifiable();
    }

    @Override
    public Object remove(Object key) {
        throw unmodifiable();
    }

    @Override
    public void putAll(Map<? extends String, ?> map) {
        throw unmodifiable();
    }

    @Override
    public void clear() {
        throw unmodifiable();
    }

    private static UnsupportedOperationException unmodifiable() {
        return new UnsupportedOperationException("the data of an event cannot be changed");
    }

    @Override
    public Set<String> keySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<String> iterator() {
                return List.of(keys).iterator();
            }

            @Override
            public int size() {
                return keys.length;
            }
        };
    }

    @Override
    public Collection<Object> values() {
        return Collections.unmodifiableList(Arrays.asList(values));
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, Object>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < keys.length;
                    }

                    @Override
                    public Entry<String, Object> next() {
                        if (next >= keys.length) {
                            throw new NoSuchElementException();
                        }
                        int index = next++;
                        return new SimpleImmutableEntry<>(keys[index], values[index]);
                    }
                };
            }

            @Override
            public int size() {
                return keys.length;
            }
        };
    }

    /** As {@link Map#equals}: the same mappings, whatever the other map's class. */
    @Override
    public boolean equals(Object other) {
        if (other == this) {
            return true;
        }
        if (!(other instanceof Map<?, ?> map) || map.size() != keys.length) {
            return false;
        }
        for (int i = 0; i < keys.length; i++) {
            Object value = values[i];
            Object theirs = map.get(keys[i]);
            if (value == null ? theirs != null || !map.containsKey(keys[i]) : !value.equals(theirs)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int hash = 0;
        for (int i = 0; i < keys.length; i++) {
            hash += keys[i].hashCode() ^ Objects.hashCode(values[i]);
        }
        return hash;
    }

    /** As {@code AbstractMap}'s: {@code {kilo_user_id=u-1, reason=spam}}. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder().append('{');
        for (int i = 0; i < keys.length; i++) {
            text.append(i == 0 ? "" : ", ").append(keys[i]).append('=').append(values[i]);
        }
        return text.append('}').toString();
    }
}
