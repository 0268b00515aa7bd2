package dev.auditweave.bench.woven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auditweave.agent.internal.config.Settings;
import dev.auditweave.agent.internal.event.Event;
import dev.auditweave.agent.internal.runtime.AuditweaveRuntime;
import dev.auditweave.agent.internal.sink.MemorySink;
import dev.auditweave.annotations.EmitsAbuseEvent;
import dev.auditweave.annotations.Field;
import dev.auditweave.annotations.Outcome;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * EmitAspect binds the arguments one by one per arity (0 to 6), through {@code JoinPoint.StaticPart}, and falls
 * back to {@code JoinPoint} from 7 parameters: each shape, woven here by ajc, must emit exactly what the guard
 * and fields say, primitives included. The fixtures are also woven by the per-site aspect the processor writes for
 * them, as in a build that lists both: that aspect stands down, so each call still emits once.
 */
class WovenShapesTest {

    private final MemorySink sink = new MemorySink();
    private AuditweaveRuntime runtime;
    private final Fixtures fixtures = new Fixtures();

    @BeforeEach
    void start() {
        runtime = AuditweaveRuntime.replace(Settings.defaults().with(Map.of("auditweave.batch.max-delay-ms", "0")),
                List.of(sink));
    }

    @Test
    void theBenchmarkTargetEmitsOnlyWhenARowChanged() {
        WovenUserService service = new WovenUserService();
        service.blockUser("u-1", "spam");
        service.setRows(1);
        service.blockUser("u-2", "spam");
        service.unblockUser("u-3", null);
        service.unblockUser("u-4", "appeal");

        assertThat(events()).extracting(event -> event.type() + ":" + event.data().get("kilo_user_id"))
                .containsExactly("user.blocked:u-2", "user.unblocked:u-4");
    }

    @Test
    void theFixturesAreWovenByTheLibraryAndByTheirPerSiteAspect_andEachCallEmitsOnce() throws IOException {
        String classFile;
        try (InputStream in = Fixtures.class.getResourceAsStream("WovenShapesTest$Fixtures.class")) {
            classFile = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
        assertThat(classFile).contains("dev/auditweave/agent/internal/weave/aspectj/EmitAspect",
                "dev/auditweave/bench/woven/WovenShapesTest_Fixtures_AuditweaveSites");

        fixtures.touch();
        fixtures.touch();

        assertThat(events()).extracting(Event::type).containsExactly("touched", "touched");
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
    void sixParametersAreBoundOneByOne() {
        fixtures.six("a", "b", "c", "d", "e", 0);
        fixtures.six("a", "b", "c", "d", "e", 6);

        assertThat(events()).singleElement().satisfies(event ->
                assertThat(event.data()).containsEntry("first", "a").containsEntry("fifth", "e"));
    }

    @Test
    void sevenParametersGoThroughTheJoinPoint() {
        fixtures.seven("a", "b", "c", "d", "e", "f", "skip");
        fixtures.seven("a", "b", "c", "d", "e", "f", "g");

        assertThat(events()).singleElement().satisfies(event ->
                assertThat(event.data()).containsEntry("first", "a").containsEntry("seventh", "g"));
    }

    @Test
    void aMethodThatThrowsEmitsNothing() {
        assertThatThrownBy(() -> fixtures.fail("u-1")).isInstanceOf(IllegalStateException.class).hasMessage("u-1");

        assertThat(events()).isEmpty();
        assertThat(runtime.metrics().captured()).isZero();
    }

    @Test
    void aThrownAnnotationFiresOnceAndTheSameExceptionReachesTheCaller() {
        IllegalStateException thrown = new IllegalStateException("u-1");

        assertThatThrownBy(() -> fixtures.lock(thrown)).isSameAs(thrown);

        assertThat(events()).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo("locked");
            assertThat(event.data()).containsEntry("why", "u-1");
        });
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

        @EmitsAbuseEvent(type = "six", when = "RETURNED_ROWS > 0",
                data = {@Field(name = "first", value = "a"), @Field(name = "fifth", value = "e")})
        int six(String a, String b, String c, String d, String e, int rows) {
            return rows;
        }

        @EmitsAbuseEvent(type = "seven", when = "g != 'skip'",
                data = {@Field(name = "first", value = "a"), @Field(name = "seventh", value = "g")})
        String seven(String a, String b, String c, String d, String e, String f, String g) {
            return g;
        }

        @EmitsAbuseEvent(type = "locked", on = Outcome.THROWN, data = @Field(name = "why", value = "THROWN.message"))
        void lock(RuntimeException thrown) {
            throw thrown;
        }

        @EmitsAbuseEvent(type = "never")
        void fail(String userId) {
            throw new IllegalStateException(userId);
        }
    }
}
