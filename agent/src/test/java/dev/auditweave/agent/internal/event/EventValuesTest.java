package dev.auditweave.agent.internal.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class EventValuesTest {

    enum Role { ADMIN }

    record Membership(String organizationId, Role role) {
    }

    record Team(String name, List<Object> members) {
    }

    record Flaky(String id) {
        @Override
        public String id() {
            throw new IllegalStateException("lazy id not loaded");
        }
    }

    /** A toString that calls itself without end, as a bidirectional JPA association's generated one may. */
    static final class Recursive {
        @Override
        public String toString() {
            return "Recursive[" + this + "]";
        }
    }

    private static final SnapshotLimits SMALL = new SnapshotLimits(3, 2, 10);

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

    // ---------------------------------------------------------------- cycles

    @Test
    void aListThatContainsItselfKeepsItsOtherElementsAndMarksTheCycle() {
        List<Object> list = new ArrayList<>(List.of("a"));
        list.add(list);

        assertThat(EventValues.snapshot(list)).isEqualTo(List.of("a", "<cycle: java.util.ArrayList>"));
    }

    @Test
    void aMapThatContainsItselfMarksTheCycle() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("region", "eu");
        map.put("self", map);

        assertThat(EventValues.snapshot(map)).isEqualTo(Map.of("region", "eu", "self",
                "<cycle: java.util.LinkedHashMap>"));
    }

    @Test
    void aRecordGraphThroughAMutableListMarksTheCycleAtTheRecord() {
        List<Object> members = new ArrayList<>(List.of("u-7"));
        Team team = new Team("core", members);
        members.add(team);

        assertThat(EventValues.snapshot(team)).isEqualTo(Map.of("name", "core", "members",
                List.of("u-7", "<cycle: " + Team.class.getName() + ">")));
    }

    @Test
    void anArrayThatContainsItselfMarksTheCycle() {
        Object[] array = new Object[2];
        array[0] = 1;
        array[1] = array;

        assertThat(EventValues.snapshot(array)).isEqualTo(List.of(1, "<cycle: [Ljava.lang.Object;>"));
    }

    @Test
    void aCycleThroughAnOptionalIsMarked() {
        List<Object> list = new ArrayList<>();
        list.add(Optional.of(list));

        assertThat(EventValues.snapshot(list)).isEqualTo(List.of("<cycle: java.util.ArrayList>"));
    }

    @Test
    void theSameValueTwiceSideBySideIsNotACycle() {
        List<String> shared = List.of("x");

        assertThat(EventValues.snapshot(List.of(shared, shared))).isEqualTo(List.of(List.of("x"), List.of("x")));
    }

    // ---------------------------------------------------------------- depth and size

    @Test
    void aContainerDeeperThanMaxDepthBecomesAMarker() {
        Object value = List.of(List.of(List.of(List.of("too deep"))));

        assertThat(EventValues.snapshot(value, SMALL)).isEqualTo(List.of(List.of(List.of(
                "<deeper than 3 levels: " + List.of("too deep").getClass().getName() + ">"))));
        assertThat(EventValues.snapshot(value)).as("within the default 16 levels").isEqualTo(value);
    }

    @Test
    void aHugelyNestedValueNeverOverflowsTheStack() {
        List<Object> root = new ArrayList<>();
        List<Object> current = root;
        for (int i = 0; i < 100_000; i++) {
            List<Object> next = new ArrayList<>();
            current.add(next);
            current = next;
        }

        Object snapshot = EventValues.snapshot(root);

        Object level = snapshot;
        for (int i = 0; i < 16; i++) {
            assertThat(level).isInstanceOf(List.class);
            level = ((List<?>) level).get(0);
        }
        assertThat(level).isEqualTo("<deeper than 16 levels: java.util.ArrayList>");
    }

    @Test
    void aListLongerThanMaxElementsKeepsItsFirstElementsAndSaysHowManyAreLeftOut() {
        assertThat(EventValues.snapshot(List.of(1, 2, 3, 4, 5), SMALL)).isEqualTo(List.of(1, 2, "<3 more of 5 elements>"));
        assertThat(EventValues.snapshot(List.of(1, 2), SMALL)).as("exactly the limit: no marker").isEqualTo(List.of(1, 2));
    }

    @Test
    void anArrayLongerThanMaxElementsIsCutTheSameWay() {
        assertThat(EventValues.snapshot(new int[] {7, 8, 9}, SMALL)).isEqualTo(List.of(7, 8, "<1 more of 3 elements>"));
    }

    @Test
    void aMapLargerThanMaxElementsKeepsItsFirstEntriesAndATruncatedEntry() {
        Map<String, Object> map = new LinkedHashMap<>();
        IntStream.range(0, 4).forEach(i -> map.put("k" + i, i));

        assertThat(EventValues.snapshot(map, SMALL)).isEqualTo(Map.of("k0", 0, "k1", 1,
                EventValues.TRUNCATED_KEY, "<2 more of 4 entries>"));
    }

    @Test
    void limitsMustBePositive() {
        assertThatThrownBy(() -> new SnapshotLimits(0, 10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxDepth must be at least 1, was 0");
        assertThatThrownBy(() -> new SnapshotLimits(4, -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxElements must be at least 1, was -1");
        assertThatThrownBy(() -> new SnapshotLimits(4, 4, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxTextLength must be at least 1, was 0");
        assertThat(SnapshotLimits.DEFAULTS).isEqualTo(new SnapshotLimits(16, 1000, 4096));
    }

    // ---------------------------------------------------------------- toString and accessors

    @Test
    void aLongToStringIsCutToMaxTextLength() {
        Object bean = new Object() {
            @Override
            public String toString() {
                return "0123456789abcdef";
            }
        };

        assertThat(EventValues.snapshot(bean, SMALL)).isEqualTo("0123456789<cut: 16 chars>");
        assertThat(EventValues.snapshot("0123456789abcdef", SMALL)).as("a String field is the value itself")
                .isEqualTo("0123456789abcdef");
    }

    @Test
    void aToStringThatThrowsBecomesAMarkerNamingTheClass() {
        Object bean = new Object() {
            @Override
            public String toString() {
                throw new IllegalStateException("no session");
            }
        };

        assertThat(EventValues.snapshot(List.of("a", bean))).isEqualTo(List.of("a", "<toString() of "
                + bean.getClass().getName() + " threw java.lang.IllegalStateException>"));
    }

    @Test
    void aToStringThatOverflowsTheStackBecomesAMarker() {
        assertThat(EventValues.snapshot(new Recursive())).isEqualTo("<toString() of " + Recursive.class.getName()
                + " threw java.lang.StackOverflowError>");
    }

    @Test
    void aRecordAccessorThatThrowsBecomesAMarkerForThatComponent() {
        assertThat(EventValues.snapshot(new Flaky("f-1"))).isEqualTo(Map.of("id", "<accessor id() of "
                + Flaky.class.getName() + " threw java.lang.IllegalStateException>"));
    }

    @Test
    void aCollectionThatCannotBeIteratedBecomesAMarker() {
        List<String> changing = new AbstractList<>() {
            @Override
            public String get(int index) {
                return "x";
            }

            @Override
            public int size() {
                return 1;
            }

            @Override
            public Iterator<String> iterator() {
                throw new java.util.ConcurrentModificationException();
            }
        };

        assertThat(EventValues.snapshot(Map.of("list", changing))).isEqualTo(Map.of("list", "<unreadable "
                + changing.getClass().getName() + ": java.util.ConcurrentModificationException>"));
    }
}
