package dev.auditweave.agent.internal.capture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditweave.agent.internal.event.Event;
import dev.auditweave.agent.internal.plan.EmitPlan;
import dev.auditweave.agent.internal.plan.PlanCache;
import dev.auditweave.agent.internal.runtime.AuditweaveRuntime;
import dev.auditweave.annotations.EmitsAbuseEvent;
import dev.auditweave.annotations.Field;
import dev.auditweave.annotations.Outcome;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code on = THROWN}: a throw fires only those annotations, a return only the others. */
class ThrownCaptureTest {

    private final MemoryRuntime memory = MemoryRuntime.start();
    private final AuditweaveRuntime runtime = memory.runtime();

    @Test
    void aThrowFiresTheThrownAnnotationsWithTheExceptionAndTheArguments() {
        Capture.afterThrow(plan("charge"), new Object[] {"u-1", 500L}, new CardDeclinedException("insufficient funds"));

        assertThat(memory.events()).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo("charge.declined");
            assertThat(event.data()).containsExactly(Map.entry("kilo_user_id", "u-1"),
                    Map.entry("reason", "insufficient funds"),
                    Map.entry("error", CardDeclinedException.class.getName()));
        });
        assertThat(runtime.metrics().captured()).isEqualTo(1);
    }

    @Test
    void aThrowFiresNoReturnedAnnotation() {
        Capture.afterThrow(plan("charge"), new Object[] {"u-1", 500L}, new IllegalStateException("db down"));

        assertThat(memory.events()).as("charge.succeeded is on = RETURNED, charge.declined's guard is false").isEmpty();
        assertThat(runtime.metrics().captured()).isZero();
    }

    @Test
    void aReturnFiresNoThrownAnnotation() {
        Capture.afterReturn(plan("charge"), new Object[] {"u-1", 500L}, "rcpt-1");

        assertThat(memory.events()).extracting(Event::type).containsExactly("charge.succeeded");
    }

    @Test
    void selectThrown_isZeroForAMethodWithoutThrownAnnotations() {
        assertThat(Capture.selectThrown(plan("returnedOnly"), new IllegalStateException())).isZero();
    }

    @Test
    void selectThrown_decidesAGuardOnTheExceptionAlone() {
        EmitPlan plan = plan("charge");

        assertThat(Capture.selectThrown(plan, new IllegalStateException())).isZero();
        assertThat(Capture.selectThrown(plan, new CardDeclinedException("x"))).isEqualTo(0b10L);
    }

    @Test
    void aGuardOnTheExceptionAndAnArgumentIsEvaluatedWithTheArguments() {
        EmitPlan plan = plan("refund");
        Capture.afterThrow(plan, new Object[] {"u-1", 5L}, new IllegalStateException("small"));
        Capture.afterThrow(plan, new Object[] {"u-2", 5_000L}, new IllegalStateException("large"));

        assertThat(memory.events()).extracting(event -> event.data().get("kilo_user_id")).containsExactly("u-2");
    }

    @Test
    void theExceptionItselfAsAFieldIsItsThreeValues() {
        Capture.afterThrow(plan("whole"), new Object[0], new CardDeclinedException("no"));

        assertThat(memory.events().get(0).data().get("error")).isEqualTo(Map.of("type", "CardDeclinedException",
                "className", CardDeclinedException.class.getName(), "message", "no"));
    }

    @Test
    void aMessageThatThrowsIsCountedAndLoggedNeverPassedOn() {
        RuntimeException hostile = new RuntimeException() {
            @Override
            public String getMessage() {
                throw new IllegalStateException("message unavailable");
            }
        };

        Capture.afterThrow(plan("whole"), new Object[0], hostile);

        assertThat(memory.events()).isEmpty();
        assertThat(runtime.metrics().captureErrors()).isEqualTo(1);
    }


    private static EmitPlan plan(String name) {
        Method method = Arrays.stream(Fixtures.class.getDeclaredMethods()).filter(m -> m.getName().equals(name))
                .findFirst().orElseThrow();
        return PlanCache.forMethod(method);
    }

    static class CardDeclinedException extends RuntimeException {
        CardDeclinedException(String message) {
            super(message);
        }
    }

    @SuppressWarnings("unused")
    static final class Fixtures {
        @EmitsAbuseEvent(type = "charge.succeeded", data = @Field(name = "receipt", value = "result"))
        @EmitsAbuseEvent(type = "charge.declined", on = Outcome.THROWN,
                when = "THROWN.type == 'CardDeclinedException'", data = {
                        @Field(name = "kilo_user_id", value = "userId"),
                        @Field(name = "reason", value = "THROWN.message"),
                        @Field(name = "error", value = "THROWN.className")})
        String charge(String userId, long amount) {
            return "r";
        }

        @EmitsAbuseEvent(type = "charge.succeeded")
        String returnedOnly(String userId) {
            return "r";
        }

        @EmitsAbuseEvent(type = "refund.failed", on = Outcome.THROWN, when = "amount > 1000 && THROWN.message != null",
                data = @Field(name = "kilo_user_id", value = "userId"))
        void refund(String userId, long amount) {
        }

        @EmitsAbuseEvent(type = "failed", on = Outcome.THROWN, data = @Field(name = "error", value = "THROWN"))
        void whole() {
        }
    }
}
