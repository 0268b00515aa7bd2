package dev.auditweave.agent.internal.weave.bytebuddy;

import static net.bytebuddy.matcher.ElementMatchers.isAnnotatedWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.auditweave.agent.internal.config.Settings;
import dev.auditweave.agent.internal.event.Event;
import dev.auditweave.agent.internal.runtime.AuditweaveRuntime;
import dev.auditweave.agent.internal.runtime.LocalRuntime;
import dev.auditweave.agent.internal.sink.MemorySink;
import dev.auditweave.annotations.EmitsAbuseEvent;
import dev.auditweave.annotations.EmitsAbuseEvents;
import dev.auditweave.annotations.Field;
import dev.auditweave.annotations.Outcome;
import dev.auditweave.bootstrap.EmitBridge;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.dynamic.loading.ClassLoadingStrategy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The inlined advice's shape: it asks {@link dev.auditweave.bootstrap.EmitBridge#select} with the result and the
 * first six parameters as they are (null for a primitive), answers an ask for a primitive or a later parameter,
 * and builds the arguments only when something may fire; whatever the guard reads (result, arguments, primitives,
 * nothing), the events are the same as before.
 */
class EmitAdviceTest {

    private final MemorySink sink = new MemorySink();
    private AuditweaveRuntime runtime;
    private Object target;

    @BeforeEach
    void instrument() throws Exception {
        EmitBridge.install(new AgentEmitHandler(LocalRuntime.control()));
        runtime = AuditweaveRuntime.replace(Settings.defaults().with(Map.of("auditweave.batch.max-delay-ms", "0")),
                List.of(sink));
        Advice advice = AuditweaveAgent.emitAdvice();
        Class<?> woven = new ByteBuddy()
                .redefine(Target.class)
                .visit(advice.on(isAnnotatedWith(EmitsAbuseEvent.class).or(isAnnotatedWith(EmitsAbuseEvents.class))))
                .make()
                .load(getClass().getClassLoader(), ClassLoadingStrategy.Default.CHILD_FIRST)
                .getLoaded();
        target = woven.getConstructor().newInstance();
    }

    @Test
    void aFalseResultOnlyGuardEmitsNothing() throws Exception {
        call("blockUser", new Class<?>[] {String.class, String.class, int.class}, "u-1", "spam", 0);

        assertThat(events()).isEmpty();
        assertThat(runtime.metrics().captured()).isZero();
    }

    @Test
    void aTrueResultOnlyGuardEmitsTheArguments() throws Exception {
        Object rows = call("blockUser", new Class<?>[] {String.class, String.class, int.class}, "u-1", "spam", 1);

        assertThat(rows).isEqualTo(1);
        assertThat(events()).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo("user.blocked");
            assertThat(event.data()).containsExactly(Map.entry("kilo_user_id", "u-1"), Map.entry("reason", "spam"));
        });
    }

    @Test
    void aGuardThatReadsAnArgumentSeesTheArguments() throws Exception {
        Class<?>[] types = {String.class, String.class, int.class};
        call("unblockUser", types, "u-1", null, 1);
        call("unblockUser", types, "u-2", "appeal", 0);
        call("unblockUser", types, "u-3", "appeal", 1);

        assertThat(events()).extracting(event -> event.data().get("kilo_user_id")).containsExactly("u-3");
    }

    @Test
    void primitiveArgumentsAndResultsAreBoxedForTheGuardAndFields() throws Exception {
        Class<?>[] types = {int.class};
        call("record", types, 1);
        call("record", types, 500);

        assertThat(events()).singleElement().satisfies(event -> {
            assertThat(((Number) event.data().get("n")).longValue()).isEqualTo(500L);
            assertThat(((Number) event.data().get("doubled")).longValue()).isEqualTo(1000L);
        });
    }

    @Test
    void theArgumentAGuardReadsAlone_isHandedOverByPosition_pastTheSixthFromTheArguments() throws Exception {
        Class<?>[] types = new Class<?>[8];
        Arrays.fill(types, String.class);
        for (String reason : new String[] {"spam", "fraud", null}) {
            call("review", types, "a", "b", "c", "fraud", "e", "f", "g", reason);
        }

        assertThat(events()).singleElement().satisfies(event ->
                assertThat(event.data()).containsExactly(Map.entry("first", "a"), Map.entry("reason", "fraud")));
        assertThat(runtime.metrics().captureErrors()).isZero();
    }

    @Test
    void aMethodWithoutGuardOrParametersAlwaysEmits() throws Exception {
        call("touch", new Class<?>[0]);
        call("touch", new Class<?>[0]);

        assertThat(events()).extracting(Event::type).containsExactly("user.touched", "user.touched");
    }

    @Test
    void aMixOfGuardsOnOneMethodIsEvaluatedEachOnItsOwn() throws Exception {
        Class<?>[] types = {String.class, int.class};
        call("change", types, "up", 2);
        call("change", types, "down", 0);
        call("change", types, "none", 1);

        assertThat(events()).extracting(Event::type)
                .containsExactly("rows.changed", "tier.upgraded", "tier.downgraded", "rows.changed");
    }

    @Test
    void aMethodThatThrowsEmitsNothingAndItsExceptionPassesUntouched() {
        assertThatThrownBy(() -> call("fail", new Class<?>[] {String.class}, "u-1"))
                .isInstanceOf(IllegalStateException.class).hasMessage("u-1");
        assertThat(events()).isEmpty();
    }

    @Test
    void aThrowFiresTheThrownAnnotationAndTheVerySameExceptionReachesTheCaller() throws Exception {
        Class<?>[] types = {String.class, long.class};
        Throwable thrown = catchThrowable(() -> call("charge", types, "u-1", 999L));

        assertThat(thrown).isInstanceOf(IllegalArgumentException.class).hasMessage("declined: 999");
        assertThat(thrown).isSameAs(target.getClass().getMethod("lastThrown").invoke(target));
        assertThat(thrown.getSuppressed()).isEmpty();
        assertThat(thrown.getCause()).isNull();
        assertThat(events()).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo("charge.declined");
            assertThat(event.data()).containsExactly(Map.entry("kilo_user_id", "u-1"), Map.entry("amount", 999L),
                    Map.entry("reason", "declined: 999"));
        });
    }

    @Test
    void aReturnFiresOnlyTheReturnedAnnotationOfAMethodWithBoth() throws Exception {
        call("charge", new Class<?>[] {String.class, long.class}, "u-1", 5L);

        assertThat(events()).extracting(Event::type).containsExactly("charge.ok");
    }

    @Test
    void aThrownGuardOnTheExceptionAloneThatIsFalseEmitsNothing() {
        Throwable thrown = catchThrowable(() -> call("charge", new Class<?>[] {String.class, long.class}, "u-1", -1L));

        assertThat(thrown).isInstanceOf(IllegalStateException.class);
        assertThat(events()).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aMethodReturningAFutureHandsTheCallerTheVerySameFutureAndEmitsWhenItCompletes() throws Exception {
        Object returned = call("refund", new Class<?>[] {String.class}, "u-1");

        assertThat(returned).isSameAs(target.getClass().getMethod("lastFuture").invoke(target));
        assertThat(runtime.metrics().captured()).isZero();
        ((CompletableFuture<Integer>) returned).complete(3);
        assertThat(events()).singleElement().satisfies(event ->
                assertThat(event.data()).containsExactly(Map.entry("kilo_user_id", "u-1"), Map.entry("rows", 3)));
    }

    private Object call(String name, Class<?>[] types, Object... args) throws Exception {
        Method method = target.getClass().getMethod(name, types);
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw (Exception) e.getCause();
        }
    }

    private List<Event> events() {
        assertThat(runtime.flush(Duration.ofSeconds(5))).isTrue();
        return sink.events();
    }

    /** The instrumented class (redefined into a child-first class loader, so this copy stays plain). */
    public static class Target {

        @EmitsAbuseEvent(type = "user.blocked", when = "RETURNED_ROWS > 0",
                data = {@Field(name = "kilo_user_id", value = "userId"), @Field(name = "reason", value = "reason")})
        public int blockUser(String userId, String reason, int rows) {
            return rows;
        }

        @EmitsAbuseEvent(type = "user.unblocked", when = "reason != null && RETURNED_ROWS > 0",
                data = @Field(name = "kilo_user_id", value = "userId"))
        public int unblockUser(String userId, String reason, int rows) {
            return rows;
        }

        @EmitsAbuseEvent(type = "recorded", when = "n > 200",
                data = {@Field(name = "n", value = "n"), @Field(name = "doubled", value = "result")})
        public long record(int n) {
            return n * 2L;
        }

        @EmitsAbuseEvent(type = "case.reviewed", when = "reason == 'fraud' && p3 == 'fraud'",
                data = {@Field(name = "first", value = "p0"), @Field(name = "reason", value = "reason")})
        public void review(String p0, String p1, String p2, String p3, String p4, String p5, String p6,
                           String reason) {
        }

        @EmitsAbuseEvent(type = "user.touched")
        public void touch() {
        }

        @EmitsAbuseEvent(type = "rows.changed", when = "RETURNED_ROWS > 0")
        @EmitsAbuseEvent(type = "tier.upgraded", when = "direction == 'up'")
        @EmitsAbuseEvent(type = "tier.downgraded", when = "direction == 'down' && RETURNED_ROWS == 0")
        public int change(String direction, int rows) {
            return rows;
        }

        @EmitsAbuseEvent(type = "never")
        public void fail(String userId) {
            throw new IllegalStateException(userId);
        }

        private volatile RuntimeException lastThrown;
        private volatile CompletableFuture<Integer> lastFuture;

        @EmitsAbuseEvent(type = "charge.ok")
        @EmitsAbuseEvent(type = "charge.declined", on = Outcome.THROWN,
                when = "THROWN.type == 'IllegalArgumentException'", data = {
                        @Field(name = "kilo_user_id", value = "userId"), @Field(name = "amount", value = "amount"),
                        @Field(name = "reason", value = "THROWN.message")})
        public String charge(String userId, long amount) {
            if (amount > 100) {
                lastThrown = new IllegalArgumentException("declined: " + amount);
                throw lastThrown;
            }
            if (amount < 0) {
                throw new IllegalStateException("negative");
            }
            return "rcpt";
        }

        public RuntimeException lastThrown() {
            return lastThrown;
        }

        @EmitsAbuseEvent(type = "refund.done", data = {
                @Field(name = "kilo_user_id", value = "userId"), @Field(name = "rows", value = "result")})
        public CompletableFuture<Integer> refund(String userId) {
            lastFuture = new CompletableFuture<>();
            return lastFuture;
        }

        public CompletableFuture<Integer> lastFuture() {
            return lastFuture;
        }
    }
}
