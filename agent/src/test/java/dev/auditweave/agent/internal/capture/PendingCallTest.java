package dev.auditweave.agent.internal.capture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditweave.agent.Auditweave;
import dev.auditweave.agent.AuditweaveTransaction;
import dev.auditweave.agent.internal.config.Settings;
import dev.auditweave.agent.internal.event.Event;
import dev.auditweave.agent.internal.plan.EmitPlan;
import dev.auditweave.agent.internal.plan.PlanCache;
import dev.auditweave.agent.internal.runtime.AuditweaveRuntime;
import dev.auditweave.agent.internal.sink.MemorySink;
import dev.auditweave.annotations.EmitsAbuseEvent;
import dev.auditweave.annotations.Field;
import dev.auditweave.annotations.Outcome;
import dev.auditweave.annotations.Phase;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A method that returns a {@code CompletionStage}: its annotations fire when the stage completes, bound to the
 * transaction of the thread that called the method.
 */
class PendingCallTest {

    private final MemorySink sink = new MemorySink();
    private final ExecutorService completer = Executors.newSingleThreadExecutor();
    private AuditweaveRuntime runtime;

    @BeforeEach
    void start() {
        runtime = AuditweaveRuntime.replace(Settings.defaults().with(Map.of("auditweave.batch.max-delay-ms", "0")),
                List.of(sink));
    }

    @AfterEach
    void stopCompleter() throws InterruptedException {
        completer.shutdownNow();
        assertThat(completer.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    // ---------------------------------------------------------------- completion

    @Test
    void nothingIsCapturedBeforeTheStageCompletes_thenTheValueIsTheResult() {
        CompletableFuture<Integer> future = new CompletableFuture<>();
        call("refund", future, "u-1");

        assertThat(runtime.metrics().captured()).as("the method returned, the stage is pending").isZero();
        future.complete(2);

        assertThat(events()).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo("refund.done");
            assertThat(event.data()).containsExactly(Map.entry("kilo_user_id", "u-1"), Map.entry("rows", 2));
        });
    }

    @Test
    void theGuardIsEvaluatedOnTheCompletedValue() {
        CompletableFuture<Integer> none = new CompletableFuture<>();
        call("refund", none, "u-1");
        none.complete(0);

        assertThat(events()).isEmpty();
    }

    @Test
    void theStageIsAttachedTo_neverReplaced() {
        CompletableFuture<Integer> future = new CompletableFuture<>();
        call("refund", future, "u-1");

        assertThat(future.getNumberOfDependents()).as("one whenComplete").isEqualTo(1);
        assertThat(future.isDone()).isFalse();
    }

    @Test
    void aStageCompleteAlreadyFiresAtOnce() {
        call("refund", CompletableFuture.completedFuture(1), "u-1");

        assertThat(runtime.metrics().captured()).isEqualTo(1);
    }

    @Test
    void aNullStageFiresNothingAndFailsNothing() {
        EmitPlan plan = plan("refund");

        assertThat(Capture.select(plan, null)).isZero();
        Capture.afterReturn(plan, new Object[] {"u-1"}, null);

        assertThat(events()).isEmpty();
        assertThat(runtime.metrics().captureErrors()).isZero();
    }

    @Test
    void select_ofAPendingStageSelectsEveryAnnotationForTheCompletion() {
        assertThat(Capture.select(plan("refund"), new CompletableFuture<>())).isEqualTo(0b11L);
    }

    // ---------------------------------------------------------------- exceptional completion, cancellation

    @Test
    void anExceptionalCompletionFiresOnlyTheThrownAnnotationsWithTheCause() {
        CompletableFuture<Integer> future = new CompletableFuture<>();
        call("refund", future, "u-1");
        future.completeExceptionally(new IllegalStateException("gateway down"));

        assertThat(events()).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo("refund.failed");
            assertThat(event.data()).containsExactly(Map.entry("kilo_user_id", "u-1"),
                    Map.entry("error", "IllegalStateException"), Map.entry("reason", "gateway down"));
        });
    }

    @Test
    void completionAndExecutionExceptionsAreUnwrapped() {
        CompletableFuture<Integer> wrapped = new CompletableFuture<>();
        call("refund", wrapped, "u-1");
        wrapped.completeExceptionally(new CompletionException(
                new ExecutionException(new IllegalArgumentException("bad amount"))));

        assertThat(events()).singleElement().satisfies(event -> {
            assertThat(event.data()).containsEntry("error", "IllegalArgumentException");
            assertThat(event.data()).containsEntry("reason", "bad amount");
        });
    }

    @Test
    void aDependentStageFailingIsSeenWithTheOriginalCause() {
        CompletableFuture<Integer> source = new CompletableFuture<>();
        CompletableFuture<Integer> dependent = source.thenApply(rows -> rows + 1);
        call("refund", dependent, "u-1");
        source.completeExceptionally(new IllegalStateException("upstream"));

        assertThat(events()).extracting(event -> event.data().get("error")).containsExactly("IllegalStateException");
    }

    @Test
    void aCancelledStageFiresTheThrownAnnotationsWithACancellationException() {
        CompletableFuture<Integer> future = new CompletableFuture<>();
        call("refund", future, "u-1");
        future.cancel(false);

        assertThat(events()).extracting(Event::type, event -> event.data().get("error"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("refund.failed", "CancellationException"));
    }

    // ---------------------------------------------------------------- transactions

    @Test
    void aStageCompletingAfterItsTransactionCommittedIsSentAtOnce() {
        CompletableFuture<Integer> future = new CompletableFuture<>();
        try (AuditweaveTransaction tx = Auditweave.beginTransaction()) {
            call("refund", future, "u-1");
            tx.commit();
        }
        future.complete(1);

        assertThat(events()).extracting(Event::type).containsExactly("refund.done");
        assertThat(runtime.metrics().droppedRollback()).isZero();
    }

    @Test
    void aStageCompletingAfterItsTransactionRolledBackIsDropped() {
        CompletableFuture<Integer> future = new CompletableFuture<>();
        try (AuditweaveTransaction tx = Auditweave.beginTransaction()) {
            call("refund", future, "u-1");
            tx.rollback();
        }
        future.complete(1);

        assertThat(events()).isEmpty();
        assertThat(runtime.metrics().captured()).isEqualTo(1);
        assertThat(runtime.metrics().droppedRollback()).isEqualTo(1);
    }

    @Test
    void aStageCompletingOnAnotherThreadInsideTheTransactionWaitsForItsCommit() throws Exception {
        CompletableFuture<Integer> future = new CompletableFuture<>();
        try (AuditweaveTransaction tx = Auditweave.beginTransaction()) {
            call("refund", future, "u-1");
            completer.submit(() -> future.complete(1)).get(10, TimeUnit.SECONDS);

            assertThat(events()).as("held for the calling thread's transaction").isEmpty();
            assertThat(runtime.metrics().heldForCommit()).isEqualTo(1);
            tx.commit();
        }

        assertThat(events()).extracting(Event::type).containsExactly("refund.done");
    }

    @Test
    void anImmediateAnnotationIsSentAtCompletionWhateverTheTransaction() {
        CompletableFuture<Integer> future = new CompletableFuture<>();
        try (AuditweaveTransaction tx = Auditweave.beginTransaction()) {
            call("refundNow", future, "u-1");
            future.complete(1);

            assertThat(events()).extracting(Event::type).containsExactly("refund.sent");
            tx.rollback();
        }
        assertThat(runtime.metrics().droppedRollback()).isZero();
    }

    @Test
    void aStageReturnedOutsideATransactionIsNotBoundToOneOpenAtCompletion() {
        CompletableFuture<Integer> future = new CompletableFuture<>();
        call("refund", future, "u-1");
        try (AuditweaveTransaction tx = Auditweave.beginTransaction()) {
            future.complete(1);
            tx.rollback();
        }

        assertThat(events()).extracting(Event::type).containsExactly("refund.done");
    }

    private void call(String name, Object stage, Object... args) {
        EmitPlan plan = plan(name);
        long selected = Capture.select(plan, stage);
        if (selected != 0L) {
            Capture.afterReturn(plan, args, stage, selected);
        }
    }

    private List<Event> events() {
        assertThat(runtime.flush(Duration.ofSeconds(10))).isTrue();
        return sink.events();
    }

    private static EmitPlan plan(String name) {
        Method method = Arrays.stream(Fixtures.class.getDeclaredMethods()).filter(m -> m.getName().equals(name))
                .findFirst().orElseThrow();
        return PlanCache.forMethod(method);
    }

    @SuppressWarnings("unused")
    static final class Fixtures {
        @EmitsAbuseEvent(type = "refund.done", when = "RETURNED_ROWS > 0", data = {
                @Field(name = "kilo_user_id", value = "userId"), @Field(name = "rows", value = "result")})
        @EmitsAbuseEvent(type = "refund.failed", on = Outcome.THROWN, data = {
                @Field(name = "kilo_user_id", value = "userId"), @Field(name = "error", value = "THROWN.type"),
                @Field(name = "reason", value = "THROWN.message")})
        CompletableFuture<Integer> refund(String userId) {
            return null;
        }

        @EmitsAbuseEvent(type = "refund.sent", phase = Phase.IMMEDIATE)
        CompletableFuture<Integer> refundNow(String userId) {
            return null;
        }
    }
}
