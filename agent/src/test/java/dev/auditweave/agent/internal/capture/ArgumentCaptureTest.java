package dev.auditweave.agent.internal.capture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditweave.agent.internal.event.Event;
import dev.auditweave.agent.internal.metrics.GuardCounter;
import dev.auditweave.agent.internal.plan.ArgumentAtHand;
import dev.auditweave.agent.internal.plan.EmitPlan;
import dev.auditweave.agent.internal.plan.EventSpec;
import dev.auditweave.agent.internal.plan.PlanCache;
import dev.auditweave.agent.internal.runtime.AuditweaveRuntime;
import dev.auditweave.annotations.EmitsAbuseEvent;
import dev.auditweave.annotations.Field;
import dev.auditweave.annotations.Outcome;
import dev.auditweave.bootstrap.Selected;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * A guard whose operands read one argument alone ({@code reason == 'fraud'}): step one asks the weaver for that
 * argument ({@link Selected}), and {@link Capture#selectArgument} rules the call out before any arguments array
 * exists; what it lets through, step two evaluates in full.
 */
class ArgumentCaptureTest {

    private final MemoryRuntime memory = MemoryRuntime.start();
    private final AuditweaveRuntime runtime = memory.runtime();

    @Test
    void stepOneAsksForTheArgumentTheGuardReads() {
        long asked = Capture.select(plan("flagUser"), 1);

        assertThat(Selected.asksArgument(asked)).isTrue();
        assertThat(Selected.argumentIndex(asked)).as("reason").isEqualTo(1);
        assertThat(Selected.candidates(asked)).isEqualTo(1L);
    }

    @Test
    void aFalseArgumentCheck_rulesTheCallOut_andCountsItGuardedOut() {
        EmitPlan plan = plan("flagUser");
        long before = GuardCounter.total();

        assertThat(Capture.selectArgument(plan, Capture.select(plan, 1), "spam")).isZero();
        assertThat(GuardCounter.total()).isEqualTo(before + 1);
        assertThat(runtime.metrics().captureErrors()).isZero();
    }

    @Test
    void aTrueArgumentCheck_leavesTheCallToStepTwo_whichEmits() {
        EmitPlan plan = plan("flagUser");
        Object[] args = {"u-1", "fraud"};

        long selected = Capture.selectArgument(plan, Capture.select(plan, 1), args[1]);
        Capture.afterReturn(plan, args, 1, selected);

        assertThat(selected).isEqualTo(1L);
        assertThat(memory.events()).extracting(Event::type).containsExactly("user.flagged");
    }

    @Test
    void anAnswerForAnotherArgument_decidesNothing() {
        EmitPlan plan = plan("flagUser");

        assertThat(Capture.selectArgument(plan, Selected.askingArgument(0, 1L), "spam")).isEqualTo(1L);
        assertThat(Capture.selectArgument(plan, 1L, "spam")).as("not an ask").isEqualTo(1L);
    }

    @Test
    void anAskLeftUnanswered_isEvaluatedInFullInStepTwo() {
        EmitPlan plan = plan("flagUser");
        long asked = Capture.select(plan, 1);

        Capture.afterReturn(plan, new Object[] {"u-1", "spam"}, 1, asked);
        Capture.afterReturn(plan, new Object[] {"u-2", "fraud"}, 1, asked);

        assertThat(memory.events()).extracting(event -> event.data().get("kilo_user_id")).containsExactly("u-2");
    }

    @Test
    void theOneStepCapture_answersTheAskFromTheArguments() {
        EmitPlan plan = plan("flagUser");
        long before = GuardCounter.total();

        Capture.afterReturn(plan, new Object[] {"u-1", "spam"}, 1);
        Capture.afterReturn(plan, new Object[] {"u-2", "fraud"}, 1);

        assertThat(memory.events()).extracting(event -> event.data().get("kilo_user_id")).containsExactly("u-2");
        assertThat(GuardCounter.total()).isEqualTo(before + 1);
    }

    @Test
    void withTheArgumentsAtHand_aFalseArgumentCheckRulesTheCallOut_inThatOneCall() {
        EmitPlan plan = plan("flagUser");
        long before = GuardCounter.total();

        assertThat(Capture.select(plan, 1, "u-1", "spam", null, null, null, null)).isZero();
        assertThat(GuardCounter.total()).isEqualTo(before + 1);
        assertThat(Capture.select(plan, 1, "u-1", "fraud", null, null, null, null)).isEqualTo(1L);
        assertThat(GuardCounter.total()).isEqualTo(before + 1);
    }

    @Test
    void withTheArgumentsAtHand_eachGuardReadsItsOwnPosition() {
        for (int index = 0; index < 6; index++) {
            EmitPlan plan = plan("at" + index);
            for (int fraud = 0; fraud < 6; fraud++) {
                String[] a = {"spam", "spam", "spam", "spam", "spam", "spam"};
                a[fraud] = "fraud";

                assertThat(Capture.select(plan, null, a[0], a[1], a[2], a[3], a[4], a[5]))
                        .as("guard on p%d, fraud in p%d", index, fraud).isEqualTo(index == fraud ? 1L : 0L);
            }
        }
    }

    @Test
    void withTheArgumentsAtHand_aGuardOnALaterArgumentIsStillAskedFor() {
        EmitPlan plan = plan("reviewLate");

        long asked = Capture.select(plan, null, "a", "b", "c", "d", "e", "f");

        assertThat(Selected.asksArgument(asked)).isTrue();
        assertThat(Selected.argumentIndex(asked)).isEqualTo(6);
        assertThat(Capture.selectArgument(plan, asked, "spam")).isZero();
    }

    @Test
    void aGuardOnOneArgumentAlone_isAskedForBeforeTheResultIsLookedAt() {
        EmitPlan flagUser = plan("flagUser");

        assertThat(flagUser.askAtOnce()).isEqualTo(Selected.askingArgument(1, 1L));
        assertThat(Capture.select(flagUser, "not an update count")).isEqualTo(flagUser.askAtOnce());
        assertThat(plan("blockUser").askAtOnce()).as("another annotation's result check").isZero();
        assertThat(plan("appeal").askAtOnce()).as("no argument check").isZero();
    }

    @Test
    void aSoleCheckOnOneOfTheFirstSixArguments_isDecidedWithTheArgumentsAtHand() {
        EventSpec flagged = plan("flagUser").specs().get(0);
        ArgumentAtHand atHand = plan("flagUser").argumentAtHand();

        assertThat(atHand.index()).isEqualTo(flagged.argumentCheck().index()).isEqualTo(1);
        assertThat(atHand.select("fraud")).as("held: every on = RETURNED annotation").isEqualTo(1L);
        assertThat(atHand.select("spam")).as("ruled out").isZero();
        for (int index = 0; index < EmitPlan.ARGUMENTS_AT_HAND; index++) {
            assertThat(plan("at" + index).argumentAtHand()).as("p%d", index).isNotNull();
        }
        assertThat(plan("reviewLate").argumentAtHand()).as("p6 is not at hand").isNull();
        assertThat(plan("blockUser").argumentAtHand()).as("another annotation's result check").isNull();
        assertThat(plan("appeal").argumentAtHand()).as("no argument check").isNull();
        assertThat(plan("flagLater").argumentAtHand()).as("decided when the stage completes").isNull();
        assertThat(new EmitPlan("twice", List.of(flagged, flagged)).argumentAtHand()).as("two checks").isNull();
    }

    @Test
    void withTheArgumentsAtHand_aCheckThatThrows_leavesTheVerdictToTheWholeGuard() {
        EmitPlan plan = plan("refund");
        long before = GuardCounter.total();

        assertThat(Capture.select(plan, null, 42, null, null, null, null, null)).isEqualTo(1L);
        assertThat(GuardCounter.total()).isEqualTo(before);
    }

    @Test
    void withTheArgumentsAtHand_twoChecksOfOneArgument_eachRulesOutItsOwnAnnotation() {
        EventSpec flagged = plan("flagUser").specs().get(0);
        EventSpec other = plan("at1").specs().get(0);
        EmitPlan plan = new EmitPlan("twice", List.of(flagged, other));

        assertThat(Capture.select(plan, 1, "u-1", "spam", null, null, null, null)).isZero();
        assertThat(Capture.select(plan, 1, "u-1", "fraud", null, null, null, null)).isEqualTo(0b11L);
    }

    @Test
    void aPlanTellsWhetherTheArgumentItAsksForIsPrimitive() {
        assertThat(plan("record").asksPrimitive()).isTrue();
        assertThat(plan("flagUser").asksPrimitive()).isFalse();
        assertThat(plan("appeal").asksPrimitive()).as("asks for nothing").isFalse();
    }

    @Test
    void onlyTheAnnotationsWithTheCheck_areRuledOut() {
        EmitPlan plan = plan("blockUser");
        long asked = Capture.select(plan, 1);

        assertThat(Selected.candidates(asked)).isEqualTo(0b11L);
        assertThat(Capture.selectArgument(plan, asked, "spam")).as("user.blocked has no guard").isEqualTo(0b10L);
        assertThat(Capture.selectArgument(plan, asked, "fraud")).isEqualTo(0b11L);
    }

    @Test
    void aCheckThatThrows_leavesTheVerdictToTheWholeGuard() {
        EmitPlan plan = plan("refund");
        Object[] args = {42};

        long selected = Capture.selectArgument(plan, Capture.select(plan, null), args[0]);
        Capture.afterReturn(plan, args, null, selected);

        assertThat(selected).isEqualTo(1L);
        assertThat(memory.events()).isEmpty();
        assertThat(runtime.metrics().captureErrors()).as("the whole guard threw in step two").isEqualTo(1);
    }

    @Test
    void aGuardOnTwoArguments_isNotAsked() {
        assertThat(Capture.select(plan("appeal"), 1)).isEqualTo(1L);
    }

    @Test
    void anExceptionIsNeverAskedAbout() {
        assertThat(Capture.selectThrown(plan("flagUser"), new IllegalStateException("down"))).isEqualTo(0b10L);
    }

    @Test
    void aMethodThatCompletesLater_isNeverAsked_itsGuardsWaitForTheStage() {
        assertThat(Capture.select(plan("flagLater"), CompletableFuture.completedFuture(1))).isEqualTo(1L);
    }

    @Test
    void anAskCarriesAtMost32Annotations_aMethodWithMoreHasItsGuardsEvaluatedInStepTwo() {
        EventSpec flagged = plan("flagUser").specs().get(0);

        EmitPlan askable = new EmitPlan("askable", Collections.nCopies(Selected.ASKABLE, flagged));
        EmitPlan wide = new EmitPlan("wide", Collections.nCopies(Selected.ASKABLE + 1, flagged));

        assertThat(askable.askedArgument()).isEqualTo(1);
        assertThat(Selected.candidates(Capture.select(askable, 1))).isEqualTo(0xFFFF_FFFFL);
        assertThat(wide.askedArgument()).isEqualTo(-1);
        assertThat(wide.argumentChecks()).isZero();
        assertThat(Capture.select(wide, 1)).isEqualTo((1L << (Selected.ASKABLE + 1)) - 1);
    }

    private static EmitPlan plan(String name) {
        return PlanCache.forMethod(Arrays.stream(Fixtures.class.getDeclaredMethods())
                .filter(method -> method.getName().equals(name)).findFirst().orElseThrow());
    }

    @SuppressWarnings("unused")
    static final class Fixtures {
        @EmitsAbuseEvent(type = "user.flagged", when = "reason == 'fraud'",
                data = @Field(name = "kilo_user_id", value = "userId"))
        @EmitsAbuseEvent(type = "user.flag_failed", on = Outcome.THROWN, when = "reason == 'fraud'")
        int flagUser(String userId, String reason) {
            return 1;
        }

        @EmitsAbuseEvent(type = "user.block_reviewed", when = "reason == 'fraud' && RETURNED_ROWS > 0")
        @EmitsAbuseEvent(type = "user.blocked")
        int blockUser(String userId, String reason) {
            return 1;
        }

        @EmitsAbuseEvent(type = "refund.seen", when = "payload.kind == 'refund'")
        void refund(Object payload) {
        }

        @EmitsAbuseEvent(type = "user.flagged", when = "reason == 'fraud'")
        CompletableFuture<Integer> flagLater(String userId, String reason) {
            return CompletableFuture.completedFuture(1);
        }

        @EmitsAbuseEvent(type = "seen", when = "p0 == 'fraud'")
        void at0(String p0, String p1, String p2, String p3, String p4, String p5) {
        }

        @EmitsAbuseEvent(type = "seen", when = "p1 == 'fraud'")
        void at1(String p0, String p1, String p2, String p3, String p4, String p5) {
        }

        @EmitsAbuseEvent(type = "seen", when = "p2 == 'fraud'")
        void at2(String p0, String p1, String p2, String p3, String p4, String p5) {
        }

        @EmitsAbuseEvent(type = "seen", when = "p3 == 'fraud'")
        void at3(String p0, String p1, String p2, String p3, String p4, String p5) {
        }

        @EmitsAbuseEvent(type = "seen", when = "p4 == 'fraud'")
        void at4(String p0, String p1, String p2, String p3, String p4, String p5) {
        }

        @EmitsAbuseEvent(type = "seen", when = "p5 == 'fraud'")
        void at5(String p0, String p1, String p2, String p3, String p4, String p5) {
        }

        @EmitsAbuseEvent(type = "late.seen", when = "p6 != 'spam'")
        void reviewLate(String p0, String p1, String p2, String p3, String p4, String p5, String p6) {
        }

        @EmitsAbuseEvent(type = "recorded", when = "n > 200")
        void record(int n) {
        }

        @EmitsAbuseEvent(type = "user.appealed", when = "userId != reason")
        int appeal(String userId, String reason) {
            return 1;
        }
    }
}
