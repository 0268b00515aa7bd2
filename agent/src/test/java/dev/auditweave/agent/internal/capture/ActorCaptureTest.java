package dev.auditweave.agent.internal.capture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditweave.agent.Actor;
import dev.auditweave.agent.ActorResolver;
import dev.auditweave.agent.internal.config.Settings;
import dev.auditweave.agent.internal.event.Event;
import dev.auditweave.agent.internal.plan.PlanCache;
import dev.auditweave.agent.internal.runtime.AuditweaveRuntime;
import dev.auditweave.agent.internal.sink.MemorySink;
import dev.auditweave.annotations.EmitsAbuseEvent;
import dev.auditweave.annotations.Field;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

class ActorCaptureTest {

    private final MemorySink sink = new MemorySink();
    private final List<ActorResolver> added = new ArrayList<>();
    private AuditweaveRuntime runtime;

    @BeforeEach
    void start() {
        runtime = AuditweaveRuntime.replace(Settings.defaults().with(Map.of("auditweave.batch.max-delay-ms", "0")),
                List.of(sink));
    }

    @AfterEach
    void removeResolvers() {
        added.forEach(ActorResolvers::remove);
        SecurityContextHolder.clearContext();
    }

    // ---------------------------------------------------------------- who is asked

    @Test
    void aResolverAddedInCodeGivesTheActor() {
        add(() -> Actor.user("ada@example.com", "Ada"));

        call("blockUser", 1, "u-1");

        assertThat(single().data()).containsExactly(Map.entry("kilo_user_id", "u-1"),
                Map.entry("actor_email", "ada@example.com"), Map.entry("actor_label", "Ada"));
    }

    @Test
    void resolversAreAskedInOrderAndTheFirstThatKnowsWins() {
        Counting unknowing = new Counting(null);
        Counting ada = new Counting(Actor.user("ada@example.com"));
        Counting bob = new Counting(Actor.user("bob@example.com"));
        add(unknowing);
        add(ada);
        add(bob);

        call("blockUser", 1, "u-1");

        assertThat(single().data().get("actor_email")).isEqualTo("ada@example.com");
        assertThat(unknowing.asked.get()).isEqualTo(1);
        assertThat(bob.asked.get()).as("never asked once another knew").isZero();
    }

    @Test
    void resolversAddedInCodeComeBeforeSpringSecurity() {
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated("spring-user", null, List.of()));
        Counting ada = new Counting(Actor.user("ada@example.com"));
        add(ada);

        call("blockUser", 1, "u-1");
        ActorResolvers.remove(ada);
        call("blockUser", 1, "u-2");

        assertThat(events()).extracting(event -> event.data().get("actor_email"))
                .containsExactly("ada@example.com", "spring-user");
    }

    @Test
    void anAnonymousCallerHasNoActorAndTheEventIsStillEmitted() {
        call("blockUser", 1, "u-1");

        Map<String, Object> data = single().data();
        assertThat(data.get("actor_email")).isNull();
        assertThat(data.get("actor_label")).isNull();
    }

    @Test
    void aSystemActorHasANullIdAndALabel() {
        add(() -> Actor.system("Admin API"));

        call("blockUser", 1, "u-1");

        assertThat(single().data()).containsEntry("actor_email", null).containsEntry("actor_label", "Admin API");
    }

    // ---------------------------------------------------------------- when it is asked

    @Test
    void theActorIsResolvedOncePerCallThoughTwoAnnotationsReadIt() {
        Counting ada = new Counting(Actor.user("ada@example.com"));
        add(ada);

        call("twoReaders", null, "u-1");

        assertThat(events()).extracting(Event::type).containsExactlyInAnyOrder("user.blocked", "audit.acted");
        assertThat(ada.asked.get()).isEqualTo(1);
    }

    @Test
    void theActorIsNotResolvedWhenNoAnnotationThatFiresReadsIt() {
        Counting ada = new Counting(Actor.user("ada@example.com"));
        add(ada);

        call("blockUser", 0, "u-1");
        call("noActor", null, "u-1");
        call("mixed", 0, "u-1");

        assertThat(events()).extracting(Event::type).containsExactly("note.added", "note.added");
        assertThat(ada.asked.get()).as("the ACTOR annotations' result-only guards were false").isZero();
    }

    @Test
    void aGuardOnTheActorDecidesWithTheResolvedActor() {
        call("onlySignedIn", null, "u-1");
        add(() -> Actor.user("ada@example.com"));
        call("onlySignedIn", null, "u-2");

        assertThat(events()).extracting(event -> event.data().get("kilo_user_id")).containsExactly("u-2");
        assertThat(runtime.metrics().guardedOut()).isEqualTo(1);
    }

    // ---------------------------------------------------------------- failures

    @Test
    void aResolverThatThrowsIsCountedTheActorIsNullAndTheEventIsStillEmitted() {
        add(() -> {
            throw new IllegalStateException("directory down");
        });
        Counting later = new Counting(Actor.user("someone-else@example.com"));
        add(later);

        call("blockUser", 1, "u-1");

        assertThat(single().data()).containsEntry("kilo_user_id", "u-1").containsEntry("actor_email", null);
        assertThat(runtime.metrics().captureErrors()).isEqualTo(1);
        assertThat(later.asked.get()).as("never somebody else's id after a failure").isZero();
    }

    // ---------------------------------------------------------------- snapshot limits from the settings

    @Test
    void theSnapshotLimitsOfTheSettingsBoundTheFieldValues() {
        runtime = AuditweaveRuntime.replace(Settings.defaults().with(Map.of("auditweave.batch.max-delay-ms", "0",
                "auditweave.snapshot.max-elements", "2", "auditweave.snapshot.max-depth", "2")), List.of(sink));

        call("values", null, List.of(1, 2, 3, 4, 5));
        call("values", null, List.of(List.of(List.of("deep"))));

        assertThat(events()).extracting(event -> event.data().get("values")).containsExactly(
                List.of(1, 2, "<3 more of 5 elements>"),
                List.of(List.of("<deeper than 2 levels: " + List.of("deep").getClass().getName() + ">")));
    }

    @Test
    void aValueThatContainsItselfIsSentWithAMarkerNotLost() {
        Map<String, Object> self = new HashMap<>();
        self.put("me", self);

        call("values", null, self);

        assertThat(single().data().get("values")).isEqualTo(Map.of("me", "<cycle: java.util.HashMap>"));
        assertThat(runtime.metrics().captureErrors()).isZero();
    }

    // ---------------------------------------------------------------- helpers

    private void add(ActorResolver resolver) {
        added.add(resolver);
        ActorResolvers.add(resolver);
    }

    private void call(String name, Object result, Object... args) {
        Capture.afterReturn(PlanCache.forMethod(method(name)), args, result);
    }

    private Event single() {
        List<Event> events = events();
        assertThat(events).hasSize(1);
        return events.get(0);
    }

    private List<Event> events() {
        assertThat(runtime.flush(Duration.ofSeconds(10))).isTrue();
        return sink.events();
    }

    private static Method method(String name) {
        return Arrays.stream(Fixtures.class.getDeclaredMethods()).filter(m -> m.getName().equals(name)).findFirst()
                .orElseThrow();
    }

    private static final class Counting implements ActorResolver {
        private final Actor actor;
        private final AtomicInteger asked = new AtomicInteger();

        Counting(Actor actor) {
            this.actor = actor;
        }

        @Override
        public Actor resolve() {
            asked.incrementAndGet();
            return actor;
        }
    }

    @SuppressWarnings("unused")
    static final class Fixtures {
        @EmitsAbuseEvent(type = "user.blocked", when = "RETURNED_ROWS > 0", data = {
                @Field(name = "kilo_user_id", value = "userId"),
                @Field(name = "actor_email", value = "ACTOR.id"),
                @Field(name = "actor_label", value = "ACTOR.label")})
        int blockUser(String userId) {
            return 0;
        }

        @EmitsAbuseEvent(type = "user.blocked", data = @Field(name = "actor_email", value = "ACTOR.id"))
        @EmitsAbuseEvent(type = "audit.acted", when = "ACTOR != null", data = @Field(name = "who", value = "ACTOR"))
        void twoReaders(String userId) {
        }

        @EmitsAbuseEvent(type = "note.added", data = @Field(name = "kilo_user_id", value = "userId"))
        void noActor(String userId) {
        }

        @EmitsAbuseEvent(type = "user.blocked", when = "RETURNED_ROWS > 0",
                data = @Field(name = "actor_email", value = "ACTOR.id"))
        @EmitsAbuseEvent(type = "note.added", data = @Field(name = "kilo_user_id", value = "userId"))
        int mixed(String userId) {
            return 0;
        }

        @EmitsAbuseEvent(type = "user.blocked", when = "ACTOR != null",
                data = @Field(name = "kilo_user_id", value = "userId"))
        void onlySignedIn(String userId) {
        }

        @EmitsAbuseEvent(type = "values.recorded", data = @Field(name = "values", value = "values"))
        void values(Object values) {
        }
    }
}
