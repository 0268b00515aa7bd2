package dev.auditweave.bench.sited;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auditweave.agent.internal.config.Settings;
import dev.auditweave.agent.internal.event.Event;
import dev.auditweave.agent.internal.runtime.AuditweaveRuntime;
import dev.auditweave.agent.internal.sink.MemorySink;
import dev.auditweave.annotations.EmitsAbuseEvent;
import dev.auditweave.annotations.Field;
import dev.auditweave.annotations.Outcome;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the per-site aspects that auditweave-processor wrote for this module ({@code -Aauditweave.aspects=per-site},
 * no aspect library) emit, woven here by ajc, for each shape of method a pointcut must name exactly: arities from 0
 * to more than six, primitives, overloads of one arity, nested, static and private methods, arrays, varargs, generic
 * parameters, and a throw.
 */
class PerSiteShapesTest {

    private final MemorySink sink = new MemorySink();
    private AuditweaveRuntime runtime;
    private final Fixtures fixtures = new Fixtures();

    @BeforeEach
    void start() {
        runtime = AuditweaveRuntime.replace(Settings.defaults().with(Map.of("auditweave.batch.max-delay-ms", "0")),
                List.of(sink));
    }

    @Test
    void theBenchmarkTargetEmitsOnlyWhenTheGuardHolds() {
        PerSiteUserService service = new PerSiteUserService();
        service.blockUser("u-1", "spam");
        service.flagUser("u-2", "spam");
        service.setRows(1);
        service.blockUser("u-3", "spam");
        service.unblockUser("u-4", null);
        service.unblockUser("u-5", "appeal");
        service.flagUser("u-6", "fraud");

        assertThat(events()).extracting(event -> event.type() + ":" + event.data().get("kilo_user_id"))
                .containsExactly("user.blocked:u-3", "user.unblocked:u-5", "user.flagged:u-6");
    }

    @Test
    void eachWovenClassKeepsTheJoinPointFieldsByWhichTheAgentLeavesIt() {
        assertThat(Arrays.stream(PerSiteUserService.class.getDeclaredFields()).map(java.lang.reflect.Field::getName))
                .anyMatch(name -> name.startsWith("ajc$tjp_"));
    }

    @Test
    void noParameters() {
        fixtures.touch();

        assertThat(events()).extracting(Event::type).containsExactly("touched");
    }

    @Test
    void onePrimitiveParameterAndAPrimitiveResult() {
        fixtures.record(1);
        fixtures.record(500);

        assertThat(events()).singleElement().satisfies(event -> {
            assertThat(((Number) event.data().get("n")).longValue()).isEqualTo(500L);
            assertThat(((Number) event.data().get("doubled")).longValue()).isEqualTo(1000L);
        });
    }

    @Test
    void overloadsOfOneArityAreEachAdvisedOnce() {
        fixtures.overloaded("a");
        fixtures.overloaded(7);

        assertThat(events()).extracting(event -> event.type() + ":" + event.data().get("value"))
                .containsExactly("overloaded.string:a", "overloaded.int:7");
    }

    @Test
    void moreThanSixParametersAreAllBound() {
        fixtures.seven("a", "b", "c", "d", "e", "f", "skip");
        fixtures.seven("a", "b", "c", "d", "e", "f", "g");

        assertThat(events()).singleElement().satisfies(event ->
                assertThat(event.data()).containsEntry("first", "a").containsEntry("seventh", "g"));
    }

    @Test
    void staticPrivateAndNestedMethods() {
        Fixtures.staticOne("s");
        fixtures.callsPrivate("p");
        new Fixtures.Inner().inner("i");

        assertThat(events()).extracting(event -> event.type() + ":" + event.data().get("value"))
                .containsExactly("static:s", "private:p", "inner:i");
    }

    @Test
    void arraysVarargsAndGenericParameters() {
        fixtures.array(new String[] {"x", "y"});
        fixtures.varargs("v", "w");
        new Box<String>().put("boxed");

        assertThat(events()).extracting(Event::type).containsExactly("array", "varargs", "generic");
        assertThat(sink.events().get(2).data()).containsEntry("value", "boxed");
    }

    @Test
    void aThrowFiresOnlyTheThrownAnnotationAndTheSameExceptionReachesTheCaller() {
        IllegalStateException thrown = new IllegalStateException("u-1");

        assertThatThrownBy(() -> fixtures.fail(thrown)).isSameAs(thrown);

        assertThat(events()).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo("failed");
            assertThat(event.data()).containsEntry("reason", "u-1");
        });
    }

    @Test
    void anIdleRuntimeBuildsNoPlanAndEmitsNothing() {
        runtime = AuditweaveRuntime.replace(Settings.defaults().with(Map.of("auditweave.enabled", "false")),
                List.of(sink));

        new PerSiteUserService().blockUser("u-1", "spam");

        assertThat(runtime.flush(Duration.ofSeconds(5))).isTrue();
        assertThat(sink.events()).isEmpty();
        assertThat(runtime.metrics().captured()).isZero();
    }

    private List<Event> events() {
        assertThat(runtime.flush(Duration.ofSeconds(5))).isTrue();
        return sink.events();
    }

    static class Fixtures {

        @EmitsAbuseEvent(type = "touched")
        void touch() {
        }

        @EmitsAbuseEvent(type = "recorded", when = "n > 200",
                data = {@Field(name = "n", value = "n"), @Field(name = "doubled", value = "result")})
        long record(int n) {
            return n * 2L;
        }

        @EmitsAbuseEvent(type = "overloaded.string", data = @Field(name = "value", value = "value"))
        void overloaded(String value) {
        }

        @EmitsAbuseEvent(type = "overloaded.int", data = @Field(name = "value", value = "value"))
        void overloaded(int value) {
        }

        @EmitsAbuseEvent(type = "seven", when = "g != 'skip'",
                data = {@Field(name = "first", value = "a"), @Field(name = "seventh", value = "g")})
        String seven(String a, String b, String c, String d, String e, String f, String g) {
            return g;
        }

        @EmitsAbuseEvent(type = "static", data = @Field(name = "value", value = "value"))
        static void staticOne(String value) {
        }

        void callsPrivate(String value) {
            privateOne(value);
        }

        @EmitsAbuseEvent(type = "private", data = @Field(name = "value", value = "value"))
        private void privateOne(String value) {
        }

        @EmitsAbuseEvent(type = "array")
        void array(String[] values) {
        }

        @EmitsAbuseEvent(type = "varargs")
        void varargs(String... values) {
        }

        @EmitsAbuseEvent(type = "failed", on = Outcome.THROWN, data = @Field(name = "reason", value = "THROWN.message"))
        @EmitsAbuseEvent(type = "never")
        void fail(RuntimeException thrown) {
            throw thrown;
        }

        static class Inner {
            @EmitsAbuseEvent(type = "inner", data = @Field(name = "value", value = "value"))
            void inner(String value) {
            }
        }
    }

    static class Box<T> {
        @EmitsAbuseEvent(type = "generic", data = @Field(name = "value", value = "value"))
        void put(T value) {
        }
    }
}
