package dev.auditweave.agent.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class EventValuesTest {

    enum Role { ADMIN }

    record Membership(String organizationId, Role role) {
    }

    @Test
    void scalarsStayOrBecomeTheirPortableForm() {
        assertThat(EventValues.snapshot("x")).isEqualTo("x");
        assertThat(EventValues.snapshot(7L)).isEqualTo(7L);
        assertThat(EventValues.snapshot(true)).isEqualTo(true);
        assertThat(EventValues.snapshot(Role.ADMIN)).isEqualTo("ADMIN");
        assertThat(EventValues.snapshot(Instant.ofEpochMilli(0))).isEqualTo("1970-01-01T00:00:00Z");
        assertThat(EventValues.snapshot(new Date(5))).isEqualTo(5L);
        assertThat(EventValues.snapshot(Optional.of("y"))).isEqualTo("y");
        assertThat(EventValues.snapshot(Optional.empty())).isNull();
        assertThat(EventValues.snapshot(null)).isNull();
    }

    @Test
    void mutableNumbersAreCopied() {
        AtomicLong counter = new AtomicLong(3);

        Object snapshot = EventValues.snapshot(counter);
        counter.set(4);

        assertThat(snapshot).isEqualTo(new BigDecimal(3));
    }

    @Test
    void containersAndRecordsBecomeUnmodifiableCopies() {
        List<Object> list = new ArrayList<>(List.of(new Membership("org-1", Role.ADMIN)));
        Map<String, Object> map = new HashMap<>(Map.of("roles", list, "counts", new int[] {1, 2}));

        @SuppressWarnings("unchecked")
        Map<String, Object> snapshot = (Map<String, Object>) EventValues.snapshot(map);
        list.clear();

        assertThat(snapshot.get("roles")).isEqualTo(List.of(Map.of("organizationId", "org-1", "role", "ADMIN")));
        assertThat(snapshot.get("counts")).isEqualTo(List.of(1, 2));
        assertThatThrownBy(() -> snapshot.put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void otherObjectsBecomeTheirStringNotADumpOfTheirState() {
        Object bean = new Object() {
            @SuppressWarnings("unused")
            public String getSecret() {
                return "hunter2";
            }

            @Override
            public String toString() {
                return "Bean#1";
            }
        };

        assertThat(EventValues.snapshot(bean)).isEqualTo("Bean#1");
    }
}
