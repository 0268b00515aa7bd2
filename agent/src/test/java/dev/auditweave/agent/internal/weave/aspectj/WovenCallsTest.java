package dev.auditweave.agent.internal.weave.aspectj;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditweave.agent.internal.config.Settings;
import dev.auditweave.agent.internal.event.Event;
import dev.auditweave.agent.internal.plan.EmitPlan;
import dev.auditweave.agent.internal.plan.PlanCache;
import dev.auditweave.agent.internal.runtime.AuditweaveRuntime;
import dev.auditweave.agent.internal.sink.MemorySink;
import dev.auditweave.annotations.EmitsAbuseEvent;
import dev.auditweave.annotations.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.aspectj.lang.JoinPoint;
import org.aspectj.runtime.reflect.Factory;
import org.junit.jupiter.api.Test;

/**
 * What the generated advices of {@link EmitAspect} delegate to, driven with join points made by AspectJ's own
 * {@link Factory} (as ajc's static initialiser of a woven class makes them): the plan is found by the join point, built
 * only while the runtime is active, and the rows floor rules out a guard-false call.
 */
class WovenCallsTest {

    private final MemorySink sink = new MemorySink();

    @Test
    void anIdleRuntimeBuildsNoPlanAndCapturesNothing() throws Exception {
        AuditweaveRuntime.replace(Settings.defaults().with(Map.of("auditweave.enabled", "false")), List.of(sink));
        JoinPoint.StaticPart joinPoint = joinPoint("blockUser");

        assertThat(WovenCalls.select(joinPoint, 1)).isZero();
        assertThat(JoinPointPlans.find(joinPoint)).as("no plan compiled while idle").isNull();
    }

    @Test
    void theFirstActiveCallBuildsThePlanAndLaterCallsFindTheSameOne() throws Exception {
        AuditweaveRuntime runtime = active();
        JoinPoint.StaticPart joinPoint = joinPoint("blockUser");

        long selected = WovenCalls.select(joinPoint, 1);
        assertThat(selected).isNotZero();
        WovenCalls.afterReturn(joinPoint, new Object[] {"u-1"}, 1, selected);

        EmitPlan plan = PlanCache.forMethod(method("blockUser"));
        assertThat(JoinPointPlans.of(joinPoint)).isSameAs(plan);
        assertThat(JoinPointPlans.find(joinPoint)).as("its first slot, unless a collision displaced it")
                .isIn(plan, null);
        assertThat(runtime.flush(Duration.ofSeconds(10))).isTrue();
        assertThat(sink.events()).extracting(Event::type).containsExactly("user.blocked");
    }

    @Test
    void aCountBelowTheRowsFloorIsRuledOutAndCountedAsGuardedOut() throws Exception {
        AuditweaveRuntime runtime = active();
        JoinPoint.StaticPart joinPoint = joinPoint("blockUser");
        WovenCalls.select(joinPoint, 1);
        long before = runtime.metrics().guardedOut();

        assertThat(WovenCalls.select(joinPoint, 0)).isZero();
        assertThat(WovenCalls.select(joinPoint, 0L)).isZero();

        assertThat(runtime.metrics().guardedOut() - before).isEqualTo(2);
    }

    @Test
    void everyJoinPointKeepsItsOwnPlanAsTheTableGrows() throws Exception {
        active();
        List<JoinPoint.StaticPart> joinPoints = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            joinPoints.add(joinPoint(i % 2 == 0 ? "blockUser" : "unblockUser"));
            assertThat(JoinPointPlans.of(joinPoints.get(i))).isNotNull();
        }

        int inFirstSlot = 0;
        for (int i = 0; i < joinPoints.size(); i++) {
            EmitPlan expected = PlanCache.forMethod(method(i % 2 == 0 ? "blockUser" : "unblockUser"));
            assertThat(JoinPointPlans.of(joinPoints.get(i))).isSameAs(expected);
            EmitPlan found = JoinPointPlans.find(joinPoints.get(i));
            assertThat(found).as("the first slot holds this join point's plan or none").isIn(expected, null);
            inFirstSlot += found == null ? 0 : 1;
        }
        assertThat(inFirstSlot).as("join points in their first slot").isGreaterThan(joinPoints.size() / 2);
    }

    private AuditweaveRuntime active() {
        return AuditweaveRuntime.replace(Settings.defaults().with(Map.of("auditweave.batch.max-delay-ms", "0")),
                List.of(sink));
    }

    /** A join point of {@code name}'s execution, as ajc makes one per woven method. */
    private static JoinPoint.StaticPart joinPoint(String name) throws NoSuchMethodException {
        Factory factory = new Factory("WovenCallsTest.java", Fixtures.class);
        Method method = method(name);
        return factory.makeSJP(JoinPoint.METHOD_EXECUTION, factory.makeMethodSig(Modifier.PUBLIC, name,
                Fixtures.class, method.getParameterTypes(), new String[] {"userId"}, new Class<?>[0], int.class), 1);
    }

    private static Method method(String name) throws NoSuchMethodException {
        return Fixtures.class.getDeclaredMethod(name, String.class);
    }

    static class Fixtures {
        @EmitsAbuseEvent(type = "user.blocked", when = "RETURNED_ROWS > 0",
                data = @Field(name = "kilo_user_id", value = "userId"))
        public int blockUser(String userId) {
            return 1;
        }

        @EmitsAbuseEvent(type = "user.unblocked", when = "RETURNED_ROWS > 0",
                data = @Field(name = "kilo_user_id", value = "userId"))
        public int unblockUser(String userId) {
            return 1;
        }
    }
}
