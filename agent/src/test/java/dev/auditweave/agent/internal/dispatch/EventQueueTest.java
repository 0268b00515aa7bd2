package dev.auditweave.agent.internal.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditweave.agent.internal.event.Event;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The queue is bounded by count and by the estimated bytes of its events, and gives the bytes back on drain. */
class EventQueueTest {

    private static final Event SMALL = event("x");

    @Test
    void maxBytes_refusesTheEventThatWouldPassIt() {
        long size = EventSize.of(SMALL);
        EventQueue queue = new EventQueue(1024, 3 * size);

        assertThat(queue.offer(SMALL)).isTrue();
        assertThat(queue.offer(SMALL)).isTrue();
        assertThat(queue.offer(SMALL)).isTrue();
        assertThat(queue.offer(SMALL)).as("a fourth would pass the budget").isFalse();
        assertThat(queue.size()).isEqualTo(3);
        assertThat(queue.bytes()).isEqualTo(3 * size);
    }

    @Test
    void maxBytes_isGivenBackWhenTheWorkerDrains() {
        long size = EventSize.of(SMALL);
        EventQueue queue = new EventQueue(1024, 2 * size);
        queue.offer(SMALL);
        queue.offer(SMALL);

        List<Event> batch = new ArrayList<>();
        assertThat(queue.drain(batch, 10)).isEqualTo(2);

        assertThat(queue.bytes()).isZero();
        assertThat(queue.offer(SMALL)).isTrue();
    }

    @Test
    void maxBytes_aLargeEventCountsForMore() {
        Event large = event("y".repeat(10_000));
        EventQueue queue = new EventQueue(1024, 5_000);

        assertThat(EventSize.of(large)).isGreaterThan(10_000);
        assertThat(queue.offer(large)).isFalse();
        assertThat(queue.offer(SMALL)).as("a refused event takes nothing from the budget").isTrue();
    }

    @Test
    void capacity_refusesPastTheCountEvenWithBytesLeft() {
        EventQueue queue = new EventQueue(8, Long.MAX_VALUE / 2);
        int accepted = 0;
        for (int i = 0; i < 20; i++) {
            accepted += queue.offer(SMALL) ? 1 : 0;
        }

        assertThat(accepted).isEqualTo(8);
        assertThat(queue.bytes()).isEqualTo(8 * EventSize.of(SMALL));
    }

    @Test
    void capacity_holdsMoreThanOneChunkInOrder() {
        EventQueue queue = new EventQueue(8 * EventQueue.CHUNK, Long.MAX_VALUE / 2);
        int count = 3 * EventQueue.CHUNK + 17;
        for (int i = 0; i < count; i++) {
            assertThat(queue.offer(new Event("e" + i, "t", i, Map.of()))).isTrue();
        }
        List<Event> all = new ArrayList<>();
        while (queue.drain(all, 500) > 0) {
            // Until empty.
        }

        assertThat(all).hasSize(count);
        assertThat(all).extracting(Event::occurredAt).isSorted();
    }

    @Test
    void eventSize_walksNestedValues() {
        Event flat = new Event("id", "t", 1L, Map.of("a", "12345"));
        Event nested = new Event("id", "t", 1L, Map.of("a", Map.of("b", List.of("12345", "67890"))));

        assertThat(EventSize.of(nested)).isGreaterThan(EventSize.of(flat));
        assertThat(EventSize.of(nested)).as("deterministic").isEqualTo(EventSize.of(nested));
    }

    private static Event event(String value) {
        return new Event("id", "user.blocked", 1L, Map.of("k", value));
    }
}
