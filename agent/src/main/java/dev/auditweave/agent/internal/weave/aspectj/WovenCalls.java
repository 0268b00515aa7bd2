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
 * long selected = WovenCalls.select(joinPoint, result);
 * if (Selected.asksArgument(selected)) {
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

    /** Step one after a normal return: {@link Capture#select}. */
    static long select(JoinPoint.StaticPart joinPoint, Object result) {
        try {
            EmitHandler agent = AgentHandoff.agent();
            if (agent != null) {
                return agent.select(JoinPointPlans.method(joinPoint), result);
            }
            EmitPlan plan = JoinPointPlans.find(joinPoint);
            if (plan == null) {
                // The join point's first call, or one displaced by a hash collision.
                if (AuditweaveRuntime.current().isIdle()) {
                    return 0L;
                }
                plan = JoinPointPlans.of(joinPoint);
            }
            return Capture.select(plan, result);
        } catch (Throwable t) {
            failed(joinPoint, t);
            return 0L;
        }
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
