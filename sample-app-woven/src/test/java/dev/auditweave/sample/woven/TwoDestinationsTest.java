package dev.auditweave.sample.woven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditweave.agent.Auditweave;
import dev.auditweave.sample.EventTypes;
import dev.auditweave.sample.SampleServices;
import dev.auditweave.sample.Tier;
import dev.auditweave.sample.demo.ReceivedEvent;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One action, two destinations ({@code auditweave.sinks=abuse,audit}), each taking the types routed to it. */
class TwoDestinationsTest {

    private Receivers receivers;
    private SampleServices app;

    @BeforeEach
    void setUp() throws Exception {
        receivers = Receivers.start();
        app = SampleServices.inMemory("woven-two-" + UUID.randomUUID());
        app.users().register("u-1", "one@example.com");
    }

    @AfterEach
    void tearDown() {
        receivers.close();
    }

    @Test
    void theSameActionReachesBothDestinationsAsOneEvent() throws Exception {
        app.users().blockUser("u-1", "spam");
        assertThat(receivers.flush()).isTrue();

        ReceivedEvent atAbuse = receivers.abuse().events().get(0);
        ReceivedEvent atAudit = receivers.audit().events().get(0);
        assertThat(atAbuse.type()).isEqualTo(EventTypes.USER_BLOCKED);
        assertThat(atAudit).isEqualTo(atAbuse);
        assertThat(Auditweave.metrics("abuse").delivered()).isEqualTo(1);
        assertThat(Auditweave.metrics("audit").delivered()).isEqualTo(1);
    }

    @Test
    void anAuditLogKindReachesOnlyTheAuditLog() throws Exception {
        app.subscriptions().changeTier("u-1", Tier.PRO);
        assertThat(receivers.flush()).isTrue();

        assertThat(receivers.abuse().events()).isEmpty();
        assertThat(receivers.audit().events()).extracting(ReceivedEvent::type)
                .containsExactly(EventTypes.SUBSCRIPTION_UPGRADED);
        assertThat(Auditweave.metrics("abuse").enqueued()).isZero();
    }
}
