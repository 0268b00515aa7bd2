package dev.auditweave.agent.internal.capture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditweave.agent.internal.metrics.GuardCounter;
import dev.auditweave.agent.internal.plan.EmitPlan;
import dev.auditweave.agent.internal.plan.PlanCache;
import dev.auditweave.agent.internal.runtime.AuditweaveRuntime;
import dev.auditweave.annotations.EmitsAbuseEvent;
import dev.auditweave.annotations.Field;
import dev.auditweave.bootstrap.Selected;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A guard that reads an argument and the result: step one ({@link Capture#select}) rules the call out on the result
 * alone when the result's part of the guard is false, so that no arguments array is built; otherwise it asks for the
 * argument the guard reads, and step two evaluates the whole guard, in the order written.
 */
class PreconditionCaptureTest {

    private final MemoryRuntime memory = MemoryRuntime.start();
    private final AuditweaveRuntime runtime = memory.runtime();

    @Test
    void noRowsRulesTheCallOutBeforeTheArgumentsExist_andCountsItGuardedOut() {
        EmitPlan plan = plan("unblockUser");
        long before = GuardCounter.total();

        assertThat(Capture.select(plan, 0)).isZero();
        assertThat(GuardCounter.total()).isEqualTo(before + 1);
    }

    @Test
    void aFalsePropertyOfTheResult_rulesTheCallOutToo() {
        EmitPlan plan = plan("find");
        long before = GuardCounter.total();

        assertThat(Capture.select(plan, Map.of("status", "gone"))).isZero();
        long active = Capture.select(plan, Map.of("status", "active"));
        assertThat(Selected.asksArgument(active)).as("then asks for userId").isTrue();
        assertThat(Selected.candidates(active)).isEqualTo(1L);
        assertThat(GuardCounter.total()).isEqualTo(before + 1);
    }

    @Test
    void rowsLetTheCallThroughToTheArgumentCheck_andTheWholeGuardIsEvaluatedInStepTwo() {
        EmitPlan plan = plan("unblockUser");

        long asked = Capture.select(plan, 1);
        assertThat(Selected.asksArgument(asked)).isTrue();
        assertThat(Selected.argumentIndex(asked)).as("reason").isEqualTo(1);
        assertThat(Capture.selectArgument(plan, asked, null)).isZero();
        long selected = Capture.selectArgument(plan, asked, "appeal");
        assertThat(selected).isEqualTo(1L);
        Capture.afterReturn(plan, new Object[] {"u-1", null}, 1, selected);
        Capture.afterReturn(plan, new Object[] {"u-2", "appeal"}, 1, selected);

        assertThat(memory.events()).extracting(event -> event.data().get("kilo_user_id")).containsExactly("u-2");
        assertThat(runtime.metrics().captureErrors()).isZero();
    }

    @Test
    void aPreconditionThatThrows_leavesTheVerdictToTheWholeGuard_whichShortCircuitsAsWritten() {
        EmitPlan plan = plan("lookup");

        long selected = Capture.select(plan, "not a record");
        Capture.afterReturn(plan, new Object[] {"u-1"}, "not a record", selected);

        assertThat(Selected.candidates(selected)).as("undecided by the result").isEqualTo(1L);
        assertThat(memory.events()).isEmpty();
        assertThat(runtime.metrics().captureErrors()).as("userId != 'nobody': result.count is never read").isZero();
    }

    @Test
    void aWholeGuardThatThrowsInStepTwo_isStillAFailedCapture() {
        EmitPlan plan = plan("lookup");

        Capture.afterReturn(plan, new Object[] {"nobody"}, "not a record");

        assertThat(memory.events()).isEmpty();
        assertThat(runtime.metrics().captureErrors()).isEqualTo(1);
    }

    private static EmitPlan plan(String name) {
        return PlanCache.forMethod(Arrays.stream(Fixtures.class.getDeclaredMethods())
                .filter(method -> method.getName().equals(name)).findFirst().orElseThrow());
    }


    @SuppressWarnings("unused")
    static final class Fixtures {
        @EmitsAbuseEvent(type = "user.unblocked", when = "reason != null && RETURNED_ROWS > 0",
                data = @Field(name = "kilo_user_id", value = "userId"))
        int unblockUser(String userId, String reason) {
            return 0;
        }

        @EmitsAbuseEvent(type = "user.found", when = "userId != null && result.status == 'active'")
        Map<String, Object> find(String userId) {
            return Map.of();
        }

        @EmitsAbuseEvent(type = "user.looked_up", when = "userId == 'nobody' && result.count > 0")
        Object lookup(String userId) {
            return null;
        }
    }
}
