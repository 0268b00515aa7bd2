package dev.auditweave.agent.internal.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The compact data map and the lazily written random id behave as the LinkedHashMap and String they replace. */
class FieldMapTest {

    private final FieldMap.Keys keys = FieldMap.keys(List.of("kilo_user_id", "reason", "actor_email"));

    @Test
    void aFieldMapIsAnOrderedUnmodifiableMapThatAllowsNullValues() {
        Map<String, Object> data = keys.with(new Object[] {"u-1", "spam", null});
        Map<String, Object> expected = expected();

        assertThat(data).containsExactly(Map.entry("kilo_user_id", "u-1"), Map.entry("reason", "spam"),
                new java.util.AbstractMap.SimpleImmutableEntry<>("actor_email", null));
        assertThat(data).isEqualTo(expected).hasSameHashCodeAs(expected);
        assertThat(data.toString()).isEqualTo(expected.toString());
        assertThat(data.get("reason")).isEqualTo("spam");
        assertThat(data.containsKey("actor_email")).isTrue();
        assertThat(data.get("missing")).isNull();
        assertThatThrownBy(() -> data.put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> data.entrySet().iterator().remove()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void itsViewsEqualityAndRefusalsFollowTheMapContract() {
        Map<String, Object> data = keys.with(new Object[] {"u-1", "spam", null});
        Map<String, Object> expected = expected();

        assertThat(data.keySet()).containsExactly("kilo_user_id", "reason", "actor_email");
        assertThat(data.values()).containsExactly("u-1", "spam", null);
        assertThat(data.containsValue(null)).isTrue();
        assertThat(data.containsValue("ham")).isFalse();
        assertThat(data.getOrDefault("missing", "none")).isEqualTo("none");
        assertThat(data.isEmpty()).isFalse();
        assertThat(expected).isEqualTo(data);
        Map<String, Object> otherNull = new LinkedHashMap<>(expected);
        otherNull.remove("actor_email");
        otherNull.put("other", null);
        assertThat(data).isNotEqualTo(otherNull).isNotEqualTo(Map.of("kilo_user_id", "u-1"));
        assertThatThrownBy(() -> data.remove("reason")).isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("cannot be changed");
        assertThatThrownBy(data::clear).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> data.putAll(Map.of("x", 1))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> data.merge("reason", "x", (a, b) -> b))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> data.values().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> data.keySet().iterator().remove()).isInstanceOf(UnsupportedOperationException.class);
        assertThat(data).containsEntry("reason", "spam");
    }

    /** What the map of {@link #keys} with "u-1", "spam" and null must equal, as a LinkedHashMap. */
    private static Map<String, Object> expected() {
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("kilo_user_id", "u-1");
        expected.put("reason", "spam");
        expected.put("actor_email", null);
        return expected;
    }

    @Test
    void namesMustBeDistinctAndMatchTheValues() {
        assertThatThrownBy(() -> FieldMap.keys(List.of("a", "a"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> keys.with(new Object[1])).isInstanceOf(IllegalArgumentException.class);
        assertThat(FieldMap.keys(List.of()).with(new Object[0])).isEmpty();
    }

    @Test
    void aRandomIdIsAVersion4UuidWrittenOnceAndStable() {
        Event event = Event.withRandomId("user.blocked", 1L, Map.of());

        UUID id = UUID.fromString(event.id());
        assertThat(id.version()).isEqualTo(4);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(event.id()).isSameAs(event.id());
        assertThat(Event.withRandomId("user.blocked", 1L, Map.of()).id()).isNotEqualTo(event.id());
    }

    @Test
    void eventsCompareByTheirFourComponents() {
        Event event = new Event("id-1", "user.blocked", 1L, keys.with(new Object[] {"u-1", "spam", null}));
        Map<String, Object> same = new LinkedHashMap<>(event.data());

        assertThat(event).isEqualTo(new Event("id-1", "user.blocked", 1L, same))
                .hasSameHashCodeAs(new Event("id-1", "user.blocked", 1L, same))
                .isNotEqualTo(new Event("id-2", "user.blocked", 1L, same));
        assertThat(event.toString()).startsWith("Event[id=id-1, type=user.blocked, occurredAt=1, data={kilo_user_id=u-1");
    }
}
