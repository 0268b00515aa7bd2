package dev.auditweave.bench.sited;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditweave.agent.internal.config.Settings;
import dev.auditweave.agent.internal.event.Event;
import dev.auditweave.agent.internal.runtime.AuditweaveRuntime;
import dev.auditweave.agent.internal.sink.MemorySink;
import dev.auditweave.annotations.EmitsAbuseEvent;
import dev.auditweave.annotations.Field;
import dev.auditweave.annotations.Outcome;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The per-site aspect of a class whose annotated methods return a Reactor {@code Mono} or {@code Flux}: the processor
 * writes an {@code @Around} advice for each, which hands the publisher to the runtime, so that the event comes when a
 * subscription completes (or fails, for {@code on = THROWN}), never at the return, and an unsubscribed publisher emits
 * nothing.
 */
class PerSiteReactorTest {

    private final MemorySink sink = new MemorySink();
    private final Moderation moderation = new Moderation();
    private AuditweaveRuntime runtime;

    @BeforeEach
    void start() {
        runtime = AuditweaveRuntime.replace(Settings.defaults().with(Map.of("auditweave.batch.max-delay-ms", "0")),
                List.of(sink));
    }

    @Test
    void aMonoEmitsWhenItsSubscriptionCompletes_andOnlyWhenTheGuardHolds() {
        Mono<Integer> first = moderation.blockUser("u-1");
        assertThat(events()).as("assembled, not subscribed").isEmpty();

        assertThat(first.block()).isEqualTo(1);
        assertThat(moderation.blockUser("u-1").block()).as("already blocked: no row").isZero();

        assertThat(events()).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo("user.blocked");
            assertThat(event.data()).containsEntry("kilo_user_id", "u-1");
        });
    }

    @Test
    void aFailedSubscriptionFiresTheThrownAnnotation() {
        Mono<Integer> ghost = moderation.blockUser("ghost");

        assertThat(ghost.onErrorReturn(-1).block()).isEqualTo(-1);

        assertThat(events()).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo("user.block_failed");
            assertThat(event.data()).containsEntry("reason", "no user ghost");
        });
    }

    @Test
    void aFluxEmitsOnceWithWhatItsSubscriptionCounted() {
        assertThat(moderation.blockAll("spam", List.of("u-2", "u-3")).collectList().block())
                .containsExactly("u-2", "u-3");
        assertThat(moderation.blockAll("spam", List.of("u-2")).collectList().block()).isEmpty();

        assertThat(events()).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo("users.blocked");
            assertThat(((Number) event.data().get("count")).intValue()).isEqualTo(2);
        });
    }

    @Test
    void theWorkRunsOncePerSubscription() {
        Mono<Integer> mono = moderation.blockUser("u-4");

        mono.block();

        assertThat(moderation.runs()).isEqualTo(1);
    }

    private List<Event> events() {
        assertThat(runtime.flush(Duration.ofSeconds(5))).isTrue();
        return sink.events();
    }

    static class Moderation {

        private final java.util.Set<String> blocked = java.util.concurrent.ConcurrentHashMap.newKeySet();
        private final AtomicInteger runs = new AtomicInteger();

        @EmitsAbuseEvent(type = "user.blocked", when = "RETURNED_ROWS > 0",
                data = @Field(name = "kilo_user_id", value = "userId"))
        @EmitsAbuseEvent(type = "user.block_failed", on = Outcome.THROWN,
                data = @Field(name = "reason", value = "THROWN.message"))
        Mono<Integer> blockUser(String userId) {
            return Mono.fromCallable(() -> {
                runs.incrementAndGet();
                if (userId.equals("ghost")) {
                    throw new IllegalStateException("no user " + userId);
                }
                return blocked.add(userId) ? 1 : 0;
            });
        }

        @EmitsAbuseEvent(type = "users.blocked", when = "RETURNED_ROWS > 0",
                data = @Field(name = "count", value = "RETURNED_ROWS"))
        Flux<String> blockAll(String reason, List<String> userIds) {
            return Flux.fromIterable(userIds).filter(blocked::add);
        }

        int runs() {
            return runs.get();
        }
    }
}
