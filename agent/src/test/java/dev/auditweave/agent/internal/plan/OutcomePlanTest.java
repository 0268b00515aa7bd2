package dev.auditweave.agent.internal.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditweave.agent.internal.expr.Completion;
import dev.auditweave.agent.internal.expr.Scope;
import dev.auditweave.annotations.EmitsAbuseEvent;
import dev.auditweave.annotations.Field;
import dev.auditweave.annotations.Outcome;
import dev.auditweave.annotations.Phase;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Plans of {@code on = THROWN} annotations and of methods that return a stage or a Reactor publisher. */
class OutcomePlanTest {

    private final List<String> problems = new ArrayList<>();

    @Test
    void masks_tellReturnedFromThrownAnnotations() {
        EmitPlan plan = build("charge");

        assertThat(plan.specs()).extracting(EventSpec::type)
                .containsExactly("charge.succeeded", "charge.failed", "charge.declined");
        assertThat(plan.returnedSpecs()).isEqualTo(0b001L);
        assertThat(plan.thrownSpecs()).isEqualTo(0b110L);
        assertThat(plan.specs()).extracting(EventSpec::onThrown).containsExactly(false, true, true);
        assertThat(plan.completesLater()).isFalse();
        assertThat(problems).isEmpty();
    }

    @Test
    void aThrownGuardOnTheExceptionAloneIsDecidedByTheResultSlot() {
        EmitPlan plan = build("charge");

        assertThat(plan.resultChecks()).as("charge.declined reads only THROWN").isEqualTo(0b100L);
        assertThat(plan.specs().get(2).resultCheck()).isSameAs(plan.specs().get(2).guard());
    }

    @Test
    void thrownInAReturnedAnnotation_disablesItWithTheReason() {
        EmitPlan plan = build("thrownOnReturn");

        assertThat(plan.specs()).isEmpty();
        assertThat(problems).singleElement().asString()
                .contains("@EmitsAbuseEvent(type = \"charge.declined\")").contains("thrownOnReturn")
                .contains("when: THROWN is only available with on = Outcome.THROWN");
    }

    @Test
    void resultInAThrownAnnotation_disablesItWithTheReason() {
        EmitPlan plan = build("resultOnThrow");

        assertThat(plan.specs()).extracting(EventSpec::type).containsExactly("charge.ok");
        assertThat(problems).singleElement().asString().contains("data field 'receipt'")
                .contains("result (the return value) is not available with on = Outcome.THROWN");
    }

    @Test
    void aStageReturningMethodCompletesLater_andItsResultIsTheValue() {
        EmitPlan plan = build("refund");

        assertThat(plan.completesLater()).isTrue();
        assertThat(plan.holdsForCommit()).isTrue();
        assertThat(plan.specs()).extracting(EventSpec::type).containsExactly("refund.done", "refund.failed");
        assertThat(problems).isEmpty();
    }

    @Test
    void aStageReturningMethodWhoseAnnotationsAreAllImmediateHoldsNothingForCommit() {
        assertThat(build("refundNow").holdsForCommit()).isFalse();
    }

    @Test
    void aMonoOrFluxCompletesLater_typedByWhatItCompletesWith() {
        EmitPlan mono = build("findUser");
        EmitPlan flux = build("streamUsers");

        assertThat(problems).isEmpty();
        assertThat(mono.completion()).isEqualTo(Completion.MONO);
        assertThat(flux.completion()).isEqualTo(Completion.FLUX);
        assertThat(mono.completesLater()).isTrue();
    }

    @Test
    void aGuardIsTypeCheckedAgainstTheMonosValueAndTheFluxsCount() {
        assertThat(build("monoGuardOnString").specs()).isEmpty();
        assertThat(problems).singleElement().asString().contains("monoGuardOnString")
                .contains("String");
        problems.clear();

        assertThat(build("fluxCountAsString").specs()).isEmpty();
        assertThat(problems).singleElement().asString().contains("fluxCountAsString")
                .contains("result (a number)");
    }

    @Test
    void thrownInAReturnedAnnotationOfAMonoNamesTheMono() {
        assertThat(build("monoReadsThrown").specs()).isEmpty();
        assertThat(problems).singleElement().asString().contains("'s Mono completes normally");
    }

    @Test
    void aSubclassOfMonoIsAPlanTimeErrorNamingTheTypeToDeclare() {
        assertThat(build("findUserAsSubclass").specs()).isEmpty();
        assertThat(problems).singleElement().asString().contains("findUserAsSubclass")
                .contains("a subclass of Mono").contains("declare the return type as reactor.core.publisher.Mono");
    }

    @Test
    void anotherPublisherIsAPlanTimeErrorSoItNeverEmitsBeforeSubscription() {
        assertThat(build("publish").specs()).isEmpty();
        assertThat(problems).singleElement().asString().contains("publish")
                .contains("Reactive Streams Publisher").contains("not a Reactor Mono or Flux");
    }

    private EmitPlan build(String name) {
        Method method = Arrays.stream(Fixtures.class.getDeclaredMethods()).filter(m -> m.getName().equals(name))
                .findFirst().orElseThrow();
        return EmitPlanBuilder.build(method, Scope.of(method), problems::add);
    }

    abstract static class UserMono extends Mono<String> {
    }

    abstract static class PlainPublisher implements Publisher<String> {
    }

    @SuppressWarnings("unused")
    static final class Fixtures {
        @EmitsAbuseEvent(type = "charge.succeeded", data = @Field(name = "receipt", value = "result"))
        @EmitsAbuseEvent(type = "charge.failed", on = Outcome.THROWN, when = "amount > 0")
        @EmitsAbuseEvent(type = "charge.declined", on = Outcome.THROWN, when = "THROWN.type == 'Declined'",
                data = @Field(name = "reason", value = "THROWN.message"))
        String charge(String userId, long amount) {
            return "r";
        }

        @EmitsAbuseEvent(type = "charge.declined", when = "THROWN.type == 'Declined'")
        String thrownOnReturn(String userId) {
            return "r";
        }

        @EmitsAbuseEvent(type = "charge.ok")
        @EmitsAbuseEvent(type = "charge.lost", on = Outcome.THROWN, data = @Field(name = "receipt", value = "result"))
        String resultOnThrow(String userId) {
            return "r";
        }

        @EmitsAbuseEvent(type = "refund.done", when = "RETURNED_ROWS > 0")
        @EmitsAbuseEvent(type = "refund.failed", on = Outcome.THROWN, phase = Phase.IMMEDIATE)
        CompletableFuture<Integer> refund(String userId) {
            return CompletableFuture.completedFuture(1);
        }

        @EmitsAbuseEvent(type = "refund.done", phase = Phase.IMMEDIATE)
        CompletableFuture<Integer> refundNow(String userId) {
            return CompletableFuture.completedFuture(1);
        }

        @EmitsAbuseEvent(type = "user.found")
        Mono<String> findUser(String userId) {
            return null;
        }

        @EmitsAbuseEvent(type = "user.streamed")
        Flux<String> streamUsers() {
            return null;
        }

        @EmitsAbuseEvent(type = "user.found")
        UserMono findUserAsSubclass(String userId) {
            return null;
        }

        @EmitsAbuseEvent(type = "user.found", when = "result > 0")
        Mono<String> monoGuardOnString(String userId) {
            return null;
        }

        @EmitsAbuseEvent(type = "user.streamed", when = "result == 'x'")
        Flux<String> fluxCountAsString() {
            return null;
        }

        @EmitsAbuseEvent(type = "user.found", when = "THROWN.type == 'X'")
        Mono<String> monoReadsThrown() {
            return null;
        }

        @EmitsAbuseEvent(type = "user.published")
        PlainPublisher publish() {
            return null;
        }
    }
}
