package dev.auditweave.agent.internal.capture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditweave.agent.internal.config.Settings;
import dev.auditweave.agent.internal.event.Event;
import dev.auditweave.agent.internal.event.EventIds;
import dev.auditweave.agent.internal.plan.EmitPlan;
import dev.auditweave.agent.internal.plan.PlanCache;
import dev.auditweave.agent.internal.runtime.AuditweaveRuntime;
import dev.auditweave.annotations.EmitsAbuseEvent;
import dev.auditweave.annotations.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CaptureTest {

    private final MemoryRuntime memory = MemoryRuntime.start();
    private AuditweaveRuntime runtime = memory.runtime();

    @Test
    void aFalseGuardEmitsNothing() {
        call("blockUser", new Object[] {"u-1", "spam"}, 0);

        assertThat(memory.events()).isEmpty();
        assertThat(runtime.metrics().captured()).isZero();
    }

    @Test
    void aTrueGuardEmitsTheDeclaredFieldsOnly() {
        long before = System.currentTimeMillis();
        call("blockUser", new Object[] {"u-1", "spam"}, 1);
        long after = System.currentTimeMillis();

        Event event = memory.events().get(0);
        assertThat(event.type()).isEqualTo("user.blocked");
        assertThat(event.data()).containsExactly(Map.entry("kilo_user_id", "u-1"), Map.entry("reason", "spam"));
        assertThat(event.occurredAt()).as("the moment the method returned").isBetween(before, after);
        assertThat(event.id()).isNotBlank();
    }

    @Test
    void occurredAtComesFromTheDeclaredSource() {
        call("dispute", new Object[] {new StripeEvent("evt_1", 1_716_000_000L, "cus_9")}, null);

        assertThat(memory.events().get(0).occurredAt()).isEqualTo(1_716_000_000_000L);
    }

    @Test
    void theIdempotencyKeyGivesTheSameIdOnRedelivery() {
        StripeEvent webhook = new StripeEvent("evt_1", 1L, "cus_9");
        call("dispute", new Object[] {webhook}, null);
        call("dispute", new Object[] {webhook}, null);

        assertThat(memory.events()).extracting(Event::id).containsExactly(
                EventIds.forKey("stripe.charge.dispute.created", "evt_1"),
                EventIds.forKey("stripe.charge.dispute.created", "evt_1"));
    }

    @Test
    void aNullIdempotencyKeyStillEmitsWithAFreshId() {
        call("dispute", new Object[] {new StripeEvent(null, 1L, "cus_9")}, null);
        call("dispute", new Object[] {new StripeEvent(null, 1L, "cus_9")}, null);

        assertThat(memory.events()).hasSize(2);
        assertThat(memory.events().get(0).id()).isNotEqualTo(memory.events().get(1).id());
    }

    @Test
    void aThrowingFieldIsCountedAndTheSiblingAnnotationStillEmits() {
        call("withBrokenField", new Object[] {new Broken()}, null);

        assertThat(memory.events()).extracting(Event::type).containsExactly("still.emitted");
        assertThat(runtime.metrics().captureErrors()).isEqualTo(1);
    }

    @Test
    void fieldValuesAreSnapshotsTheCallerCannotChangeAfterwards() {
        List<String> roles = new ArrayList<>(List.of("admin"));
        Object[] args = {roles};
        EmitPlan plan = PlanCache.forMethod(method("roles"));

        Capture.afterReturn(plan, args, null);
        roles.add("owner");

        assertThat(memory.events().get(0).data().get("roles")).isEqualTo(List.of("admin"));
    }

    @Test
    void anIdleRuntimeCapturesNothing() {
        runtime = AuditweaveRuntime.replace(Settings.defaults().with(Map.of("auditweave.enabled", "false")),
                List.of(memory.sink()));

        call("blockUser", new Object[] {"u-1", "spam"}, 1);

        assertThat(runtime.isIdle()).isTrue();
        assertThat(runtime.metrics().captured()).isZero();
    }

    private void call(String name, Object[] args, Object result) {
        Capture.afterReturn(PlanCache.forMethod(method(name)), args, result);
    }


    private static Method method(String name) {
        return Arrays.stream(Fixtures.class.getDeclaredMethods()).filter(m -> m.getName().equals(name)).findFirst()
                .orElseThrow();
    }

    public record StripeEvent(String id, long created, String customer) {
    }

    public static final class Broken {
        public String getValue() {
            throw new IllegalStateException("lazy load outside a session");
        }
    }

    @SuppressWarnings("unused")
    static final class Fixtures {
        @EmitsAbuseEvent(type = "user.blocked", when = "RETURNED_ROWS > 0",
                data = {@Field(name = "kilo_user_id", value = "userId"), @Field(name = "reason", value = "reason")})
        int blockUser(String userId, String reason) {
            return 0;
        }

        @EmitsAbuseEvent(type = "stripe.charge.dispute.created", occurredAt = "event.created * 1000",
                idempotencyKey = "event.id", data = @Field(name = "customer", value = "event.customer"))
        void dispute(StripeEvent event) {
        }

        @EmitsAbuseEvent(type = "never.emitted", data = @Field(name = "value", value = "broken.value"))
        @EmitsAbuseEvent(type = "still.emitted")
        void withBrokenField(Broken broken) {
        }

        @EmitsAbuseEvent(type = "org.member_added", data = @Field(name = "roles", value = "roles"))
        void roles(List<String> roles) {
        }
    }
}
