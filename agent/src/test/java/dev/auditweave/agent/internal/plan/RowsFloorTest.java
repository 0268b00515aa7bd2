package dev.auditweave.agent.internal.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditweave.agent.internal.metrics.GuardCounter;
import dev.auditweave.annotations.EmitsAbuseEvent;
import dev.auditweave.annotations.Outcome;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * {@link EmitPlan#rejectsByRows}: an update count below what every {@code on = RETURNED} annotation needs rules the
 * call out at once, and counts each annotation guarded out; anything it cannot tell is left to the annotations.
 */
class RowsFloorTest {

    @SuppressWarnings("unused")
    static final class Fixtures {
        @EmitsAbuseEvent(type = "user.blocked", when = "RETURNED_ROWS > 0")
        int block() {
            return 0;
        }

        @EmitsAbuseEvent(type = "user.unblocked", when = "reason != null && RETURNED_ROWS >= 2")
        @EmitsAbuseEvent(type = "users.unblocked", when = "RETURNED_ROWS > 4 && RETURNED_ROWS < 10")
        @EmitsAbuseEvent(type = "unblock.failed", on = Outcome.THROWN)
        long unblock(String reason) {
            return 0;
        }

        @EmitsAbuseEvent(type = "user.blocked", when = "RETURNED_ROWS > 0")
        @EmitsAbuseEvent(type = "user.touched")
        int touch() {
            return 0;
        }

        @EmitsAbuseEvent(type = "user.blocked", when = "RETURNED_ROWS < 3")
        int few() {
            return 0;
        }

        @EmitsAbuseEvent(type = "user.blocked", when = "RETURNED_ROWS > 0")
        CompletableFuture<Integer> later() {
            return null;
        }

        @EmitsAbuseEvent(type = "user.blocked", when = "RETURNED_ROWS > 0")
        int[] batch() {
            return null;
        }
    }

    @Test
    void aCountBelowTheFloor_rulesEveryReturnedAnnotationOut_andCountsEach() {
        EmitPlan plan = plan("unblock");
        long before = GuardCounter.total();

        assertThat(plan.rejectsByRows(1L)).as("1 < 2, the smaller floor").isTrue();
        assertThat(GuardCounter.total() - before).as("two on = RETURNED annotations").isEqualTo(2);
        assertThat(plan.rejectsByRows(2L)).isFalse();
        assertThat(plan.rejectsByRows(-1L)).as("a negative count is no rows").isTrue();
    }

    @Test
    void anIntCountToo() {
        EmitPlan plan = plan("block");

        assertThat(plan.rejectsByRows(0)).isTrue();
        assertThat(plan.rejectsByRows(1)).isFalse();
    }

    @Test
    void whatIsNotAPlainCount_isLeftToTheAnnotations() {
        assertThat(plan("batch").rejectsByRows(new int[] {0})).isFalse();
        assertThat(plan("block").rejectsByRows(null)).isFalse();
        assertThat(plan("block").rejectsByRows("a row")).isFalse();
    }

    @Test
    void noFloor_whenAnyReturnedAnnotationCouldFireWithoutRows() {
        assertThat(plan("touch").rejectsByRows(0)).as("user.touched has no guard").isFalse();
        assertThat(plan("few").rejectsByRows(0)).as("RETURNED_ROWS < 3 holds for none").isFalse();
    }

    @Test
    void noFloor_forAResultThatCompletesLater() {
        assertThat(plan("later").rejectsByRows(0)).isFalse();
    }

    private static EmitPlan plan(String name) {
        return PlanCache.forMethod(Arrays.stream(Fixtures.class.getDeclaredMethods())
                .filter(method -> method.getName().equals(name)).findFirst().orElseThrow());
    }
}
