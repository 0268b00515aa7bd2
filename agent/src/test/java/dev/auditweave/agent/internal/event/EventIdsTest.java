package dev.auditweave.agent.internal.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventIdsTest {

    @Test
    void randomIdsAreVersion4UuidsAndDistinct() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String id = EventIds.random();
            assertThat(UUID.fromString(id).version()).isEqualTo(4);
            ids.add(id);
        }
        assertThat(ids).hasSize(10_000);
    }

    @Test
    void keyedIdsAreStablePerTypeAndKey() {
        assertThat(EventIds.forKey("stripe.charge.failed", "evt_1"))
                .isEqualTo(EventIds.forKey("stripe.charge.failed", "evt_1"))
                .isNotEqualTo(EventIds.forKey("stripe.charge.failed", "evt_2"))
                .isNotEqualTo(EventIds.forKey("stripe.charge.dispute.created", "evt_1"));
        assertThat(UUID.fromString(EventIds.forKey("t", "k")).version()).isEqualTo(3);
    }
}
