package dev.auditweave.agent.internal.weave.aspectj;

import dev.auditweave.agent.internal.capture.AgentHandoff;
import dev.auditweave.agent.internal.capture.Capture;
import dev.auditweave.agent.internal.log.Loggers;
import dev.auditweave.agent.internal.log.RateLimitedLogger;
import dev.auditweave.agent.internal.plan.EmitPlan;
import dev.auditweave.agent.internal.runtime.AuditweaveRuntime;
import dev.auditweave.bootstrap.EmitHandler;
import dev.auditweave.bootstrap.Selected;
import org.aspectj.lang.JoinPoint;

/**
 * What every advice of {@link EmitAspect} does, by join point: {@link Capture}'s two steps on the join point's plan
 * ({@link JoinPointPlans}), or, with a {@code -javaagent} attached ({@link AgentHandoff}), the agent's runtime by
 * method, so that one runtime serves the JVM. The plan is built only when the runtime is active, so a disabled
 * auditweave compiles and reports nothing. Never throws: a failure is logged, rate-limited.
 *
 * <pre>{@code
 * long selected = WovenCalls.select(joinPoint, result, a0, a1, null, null, null, null);
 * if (Selected.asksArgument(selected)) {   // only with a -javaagent attached
 *     selected = WovenCalls.selectArgument(joinPoint, selected, Selected.argumentIndex(selected) == 0 ? a0 : a1);
 * }
 * if (selected != 0L) {
 *     WovenCalls.afterReturn(joinPoint, new Object[] {a0, a1}, result, selected);
 * }
 * }</pre>
 */
final class WovenCalls {

    private static final RateLimitedLogger WARN = new RateLimitedLogger(Loggers.get(WovenCalls.class), 60);

    private WovenCalls() {
    }

    /** Step one after a normal return, for a method with more arguments than an advice binds: {@link Capture#select}. */
    static long select(JoinPoint.StaticPart joinPoint, Object result) {
        try {
            EmitHandler agent = AgentHandoff.agent();
            if (agent != null) {
                return agent.select(JoinPointPlans.method(joinPoint), result);
            }
            EmitPlan plan = plan(joinPoint);
            return plan == null ? 0L : Capture.select(plan, result);
        } catch (Throwable t) {
            failed(joinPoint, t);
            return 0L;
        }
    }

    /**
     * Step one after a normal return, with the call's first six arguments as the advice bound them ({@code null} past
     * its last): {@link Capture#select(EmitPlan, Object, Object, Object, Object, Object, Object, Object)}, which decides
     * a guard that reads one of them alone without an ask. A {@code -javaagent} attached answers by method, and may ask.
     */
    static long select(JoinPoint.StaticPart joinPoint, Object result, Object a0, Object a1, Object a2, Object a3,
                       Object a4, Object a5) {
        try {
            EmitHandler agent = AgentHandoff.agent();
            if (agent != null) {
                return agent.select(JoinPointPlans.method(joinPoint), result);
            }
            EmitPlan plan = plan(joinPoint);
            return plan == null ? 0L : Capture.select(plan, result, a0, a1, a2, a3, a4, a5);
        } catch (Throwable t) {
            failed(joinPoint, t);
            return 0L;
        }
    }

    /** The join point's plan; {@code null} when there is none yet and auditweave is idle, so that it builds none. */
    private static EmitPlan plan(JoinPoint.StaticPart joinPoint) {
        EmitPlan plan = JoinPointPlans.find(joinPoint);
        if (plan != null) {
            return plan;
        }
        // The join point's first call, or one displaced by a hash collision.
        return AuditweaveRuntime.current().isIdle() ? null : JoinPointPlans.of(joinPoint);
    }

    /** Step one again, for the argument {@link #select} asked for: {@link Capture#selectArgument}. */
    static long selectArgument(JoinPoint.StaticPart joinPoint, long asked, Object argument) {
        try {
            EmitHandler agent = AgentHandoff.agent();
            if (agent != null) {
                return agent.selectArgument(JoinPointPlans.method(joinPoint), asked, argument);
            }
            EmitPlan plan = JoinPointPlans.find(joinPoint);
            return Capture.selectArgument(plan != null ? plan : JoinPointPlans.of(joinPoint), asked, argument);
        } catch (Throwable t) {
            failed(joinPoint, t);
            return Selected.candidates(asked);
        }
    }

    /** Step two after a normal return: {@link Capture#afterReturn}. */
    static void afterReturn(JoinPoint.StaticPart joinPoint, Object[] args, Object result, long selected) {
        try {
            EmitHandler agent = AgentHandoff.agent();
            if (agent != null) {
                agent.afterReturn(JoinPointPlans.method(joinPoint), args, result, selected);
            } else {
                Capture.afterReturn(JoinPointPlans.of(joinPoint), args, result, selected);
            }
        } catch (Throwable t) {
            failed(joinPoint, t);
        }
    }

    /** Step one after a throw: {@link Capture#selectThrown}. */
    static long selectThrown(JoinPoint.StaticPart joinPoint, Throwable thrown) {
        try {
            EmitHandler agent = AgentHandoff.agent();
            if (agent != null) {
                return agent.selectThrown(JoinPointPlans.method(joinPoint), thrown);
            }
            return AuditweaveRuntime.current().isIdle() ? 0L
                    : Capture.selectThrown(JoinPointPlans.of(joinPoint), thrown);
        } catch (Throwable t) {
            failed(joinPoint, t);
            return 0L;
        }
    }

    /** Step two after a throw: {@link Capture#afterThrow}. */
    static void afterThrow(JoinPoint.StaticPart joinPoint, Object[] args, Throwable thrown, long selected) {
        try {
            EmitHandler agent = AgentHandoff.agent();
            if (agent != null) {
                agent.afterThrow(JoinPointPlans.method(joinPoint), args, thrown, selected);
            } else {
                Capture.afterThrow(JoinPointPlans.of(joinPoint), args, thrown, selected);
            }
        } catch (Throwable t) {
            failed(joinPoint, t);
        }
    }

    static void failed(JoinPoint.StaticPart joinPoint, Throwable t) {
        WARN.warn("aspect", "auditweave: could not capture {}: {}", joinPoint.getSignature(), t.toString());
    }
}
