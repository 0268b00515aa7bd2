package dev.auditweave.agent.internal.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditweave.agent.internal.event.Event;
import dev.auditweave.agent.internal.metrics.Counters;
import dev.auditweave.agent.internal.metrics.Ledger;
import dev.auditweave.agent.internal.sink.MemorySink;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoutingTest {

    @Test
    void patternsMatchWithStarsForAnyText() {
        TypeFilter filter = TypeFilter.of(List.of("user.*", "org.member_*", "billing.credit_purchased"));

        assertThat(filter.matches("user.blocked")).isTrue();
        assertThat(filter.matches("user.")).isTrue();
        assertThat(filter.matches("org.member_added")).isTrue();
        assertThat(filter.matches("org.created")).isFalse();
        assertThat(filter.matches("billing.credit_purchased")).isTrue();
        assertThat(filter.matches("billingXcredit_purchased")).as("a dot is a dot, not any character").isFalse();
        assertThat(filter.matches("superuser.blocked")).isFalse();
        assertThat(TypeFilter.of(List.of("*.deleted")).matches("user.deleted")).isTrue();
        assertThat(TypeFilter.of(List.of("user.*", "*")).matchesAll()).isTrue();
    }

    @Test
    void theDecisionIsMadeOncePerType() {
        Counters counters = new Counters();
        Dispatcher users = dispatcher(counters, TypeFilter.of(List.of("user.*")));
        Dispatcher all = dispatcher(counters, TypeFilter.ALL);
        Pipeline pipeline = new Pipeline(List.of(users, all));

        Dispatcher[] first = pipeline.route("user.blocked");

        assertThat(first).containsExactly(users, all);
        assertThat(pipeline.route(new String("user.blocked"))).as("cached").isSameAs(first);
        assertThat(pipeline.route("org.created")).containsExactly(all);
    }

    @Test
    void eventsOfNoSinksTypesAreNotEnqueued() {
        Counters counters = new Counters();
        Dispatcher users = dispatcher(counters.forSink(), TypeFilter.of(List.of("user.*")));
        Pipeline pipeline = new Pipeline(List.of(users));

        pipeline.offer(new Event("e1", "org.created", 1L, Map.of()));
        pipeline.offer(new Event("e2", "user.blocked", 1L, Map.of()));

        assertThat(counters.snapshot().enqueued()).isEqualTo(1);
        assertThat(users.counters().snapshot().enqueued()).isEqualTo(1);
    }

    private static Dispatcher dispatcher(Counters counters, TypeFilter filter) {
        return new Dispatcher("memory", new MemorySink(), new DeliveryPolicy(16, 10, Duration.ofHours(1), 1,
                new Backoff(Duration.ofMillis(1), Duration.ofMillis(1))), new Ledger(counters), filter, null);
    }
}
