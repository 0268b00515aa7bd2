package dev.auditweave.agent.internal.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auditweave.agent.Auditweave;
import dev.auditweave.agent.AuditweaveTransaction;
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
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A method that returns a Reactor {@code Mono} or {@code Flux}: the caller gets a publisher that watches the
 * method's, and the annotations fire when a subscription completes, with the same signals passed on.
 */
class ReactorResultsTest {

    private final MemoryRuntime memory = MemoryRuntime.start();
    private final AuditweaveRuntime runtime = memory.runtime();

    // ---------------------------------------------------------------- Mono

    @Test
    void aMonoFiresWhenSubscribed_notWhenReturned_withItsValueAsTheResult() {
        AtomicInteger runs = new AtomicInteger();
        Mono<Integer> watched = call("block", Mono.fromCallable(() -> runs.incrementAndGet() * 2), "u-1");

        assertThat(runtime.metrics().captured()).as("assembled, not run").isZero();
        assertThat(watched.block()).as("the subscriber gets the method's value").isEqualTo(2);

        assertThat(memory.events()).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo("user.blocked");
            assertThat(event.data()).containsExactly(Map.entry("kilo_user_id", "u-1"), Map.entry("rows", 2));
        });
    }

    @Test
    void theGuardReadsTheMonosValue() {
        Mono<Integer> none = call("block", Mono.just(0), "u-1");

        assertThat(none.block()).isZero();
        assertThat(memory.events()).isEmpty();
    }

    @Test
    void anEmptyMonoCompletesWithANullResult() {
        Mono<Integer> empty = call("block", Mono.empty(), "u-1");

        assertThat(empty.block()).isNull();
        assertThat(memory.events()).as("RETURNED_ROWS of an empty Mono is 0").isEmpty();
        assertThat(runtime.metrics().captureErrors()).isZero();
    }

    @Test
    void eachSubscriptionIsOneRunOfTheWork_soOneEvent() {
        Mono<Integer> watched = call("block", Mono.fromCallable(() -> 1), "u-1");

        watched.block();
        watched.block();

        assertThat(memory.events()).hasSize(2);
    }

    @Test
    void aFailingMonoFiresTheThrownAnnotations_andTheSubscriberStillGetsTheError() {
        IllegalStateException failure = new IllegalStateException("directory down");
        Mono<Integer> watched = call("block", Mono.error(failure), "u-1");

        assertThatThrownBy(watched::block).isSameAs(failure);
        assertThat(memory.events()).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo("user.block_failed");
            assertThat(event.data()).containsEntry("error", "IllegalStateException")
                    .containsEntry("reason", "directory down");
        });
    }

    @Test
    void aCancelledSubscriptionFiresNothing() {
        Mono<Integer> watched = call("block", Mono.never(), "u-1");

        watched.subscribe().dispose();

        assertThat(memory.events()).isEmpty();
        assertThat(runtime.metrics().captured()).isZero();
    }

    // ---------------------------------------------------------------- Flux

    @Test
    void aFluxFiresWhenItCompletes_withItsElementCountAsTheResult() {
        Flux<String> watched = call("blockAll", Flux.just("u-1", "u-2", "u-3"), "spam");

        assertThat(watched.collectList().block()).containsExactly("u-1", "u-2", "u-3");

        assertThat(memory.events()).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo("users.blocked");
            assertThat(event.data()).containsExactly(Map.entry("reason", "spam"), Map.entry("count", 3L));
        });
    }

    @Test
    void anEmptyFluxCountsZero_soARowGuardHoldsNot() {
        Flux<String> watched = call("blockAll", Flux.empty(), "spam");

        assertThat(watched.collectList().block()).isEmpty();
        assertThat(memory.events()).isEmpty();
    }

    @Test
    void eachSubscriptionCountsItsOwnElements() {
        AtomicInteger subscriptions = new AtomicInteger();
        Flux<String> source = Flux.defer(() -> subscriptions.incrementAndGet() == 1
                ? Flux.just("u-1") : Flux.just("u-1", "u-2"));
        Flux<String> watched = call("blockAll", source, "spam");

        watched.blockLast();
        watched.blockLast();

        assertThat(memory.events()).extracting(event -> event.data().get("count")).containsExactly(1L, 2L);
    }

    @Test
    void aFluxFailingAfterSomeElementsFiresTheThrownAnnotations() {
        Flux<String> watched = call("blockAll",
                Flux.just("u-1").concatWith(Flux.error(new IllegalArgumentException("bad id"))), "spam");

        assertThatThrownBy(watched::blockLast).isInstanceOf(IllegalArgumentException.class).hasMessage("bad id");
        assertThat(memory.events()).extracting(Event::type).containsExactly("users.block_failed");
    }

    @Test
    void aFluxWhoseSubscriberStopsEarlyFiresNothing_itsOutcomeIsUnknown() {
        Flux<String> watched = call("blockAll", Flux.just("u-1", "u-2", "u-3"), "spam");

        assertThat(watched.take(1).collectList().block()).containsExactly("u-1");
        assertThat(memory.events()).isEmpty();
    }

    // ---------------------------------------------------------------- transactions

    @Test
    void aMonoReturnedInATransactionThatCommitted_isSentWhenItCompletes() {
        Mono<Integer> watched;
        try (AuditweaveTransaction tx = Auditweave.beginTransaction()) {
            watched = call("block", Mono.just(1), "u-1");
            tx.commit();
        }
        watched.block();

        assertThat(memory.events()).extracting(Event::type).containsExactly("user.blocked");
    }

    @Test
    void aMonoReturnedInATransactionThatRolledBack_isDroppedWhenItCompletes() {
        Mono<Integer> watched;
        try (AuditweaveTransaction tx = Auditweave.beginTransaction()) {
            watched = call("block", Mono.just(1), "u-1");
            tx.rollback();
        }
        watched.block();

        assertThat(memory.events()).isEmpty();
        assertThat(runtime.metrics().droppedRollback()).isEqualTo(1);
    }

    // ---------------------------------------------------------------- what is left alone

    @Test
    void select_leavesPublishersToThePublisherStep() {
        assertThat(Capture.select(plan("block"), Mono.just(1))).isZero();
        assertThat(Capture.select(plan("blockAll"), Flux.just("u-1"))).isZero();
    }

    @Test
    void aNullPublisherIsReturnedAsIs() {
        assertThat(Capture.afterPublisher(plan("block"), new Object[] {"u-1"}, null)).isNull();
        assertThat(runtime.metrics().captureErrors()).isZero();
    }

    @Test
    void aPublisherThatCannotBeWatchedIsReturnedAsIs_countedAndNeverThrown() {
        Object notAMono = new Object();

        assertThat(Capture.afterPublisher(plan("block"), new Object[] {"u-1"}, notAMono)).isSameAs(notAMono);
        assertThat(runtime.metrics().captureErrors()).isEqualTo(1);
    }

    @Test
    void aMethodWithoutValidAnnotationsKeepsItsOwnPublisher() {
        Mono<Integer> mono = Mono.just(1);

        assertThat(Capture.afterPublisher(plan("badGuard"), new Object[] {"u-1"}, mono)).isSameAs(mono);
    }

    @SuppressWarnings("unchecked")
    private <T> T call(String name, Object publisher, Object... args) {
        return (T) Capture.afterPublisher(plan(name), args, publisher);
    }


    private static EmitPlan plan(String name) {
        Method method = Arrays.stream(Fixtures.class.getDeclaredMethods()).filter(m -> m.getName().equals(name))
                .findFirst().orElseThrow();
        return PlanCache.forMethod(method);
    }

    @SuppressWarnings("unused")
    static final class Fixtures {
        @EmitsAbuseEvent(type = "user.blocked", when = "RETURNED_ROWS > 0", data = {
                @Field(name = "kilo_user_id", value = "userId"), @Field(name = "rows", value = "result")})
        @EmitsAbuseEvent(type = "user.block_failed", on = Outcome.THROWN, data = {
                @Field(name = "error", value = "THROWN.type"), @Field(name = "reason", value = "THROWN.message")})
        Mono<Integer> block(String userId) {
            return null;
        }

        @EmitsAbuseEvent(type = "users.blocked", when = "RETURNED_ROWS > 0", data = {
                @Field(name = "reason", value = "reason"), @Field(name = "count", value = "result")})
        @EmitsAbuseEvent(type = "users.block_failed", on = Outcome.THROWN)
        Flux<String> blockAll(String reason) {
            return null;
        }

        @EmitsAbuseEvent(type = "user.blocked", when = "result.name == 'x'")
        Mono<Integer> badGuard(String userId) {
            return null;
        }
    }
}
