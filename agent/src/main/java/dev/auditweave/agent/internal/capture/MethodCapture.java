package dev.auditweave.agent.internal.capture;

import dev.auditweave.agent.internal.log.Loggers;
import dev.auditweave.agent.internal.log.RateLimitedLogger;
import dev.auditweave.agent.internal.plan.EmitPlan;
import dev.auditweave.agent.internal.plan.PlanCache;
import dev.auditweave.agent.internal.runtime.AuditweaveRuntime;
import dev.auditweave.bootstrap.EmitHandler;
import dev.auditweave.bootstrap.Selected;
import java.lang.reflect.Method;

/**
 * {@link Capture}'s steps for a weaver that knows the method but not its plan (the Spring Boot starter's
 * repository proxies, the agent's handler behind the bootstrap bridge): each finds the plan in the {@link PlanCache},
 * built only when the runtime is active, so a disabled auditweave compiles and reports nothing; with a
 * {@code -javaagent} attached, the agent's runtime captures the call instead ({@link AgentHandoff}), so that one
 * runtime serves the JVM. Never throws.
 *
 * <pre>{@code
 * long selected = MethodCapture.select(method, result);
 * if (Selected.asksArgument(selected)) {
 *     selected = MethodCapture.selectArgument(method, selected, args[Selected.argumentIndex(selected)]);
 * }
 * if (selected != 0L) {
 *     MethodCapture.afterReturn(method, args, result, selected);
 * }
 * }</pre>
 */
public final class MethodCapture {

    private static final RateLimitedLogger WARN = new RateLimitedLogger(Loggers.get(MethodCapture.class), 60);

    private MethodCapture() {
    }

    /**
     * As {@link Capture#select(EmitPlan, Object)}, for a weaver that knows the method but not its plan: the plan is
     * built only when the runtime is active, so a disabled auditweave compiles and reports nothing. With a
     * {@code -javaagent} attached, the agent's runtime captures the call ({@link AgentHandoff}).
     */
    public static long select(Method method, Object result) {
        try {
            EmitHandler agent = AgentHandoff.agent();
            if (agent != null) {
                return agent.select(method, result);
            }
            return AuditweaveRuntime.current().isIdle() ? 0L : Capture.select(PlanCache.forMethod(method), result);
        } catch (Throwable t) {
            WARN.warn("runtime", "auditweave: could not capture events of {}: {}", method, t.toString());
            return 0L;
        }
    }

    /**
     * As {@link Capture#selectArgument(EmitPlan, long, Object)}, by method, after {@link #select(Method, Object)};
     * with a {@code -javaagent} attached, the agent's runtime answers.
     */
    public static long selectArgument(Method method, long asked, Object argument) {
        try {
            EmitHandler agent = AgentHandoff.agent();
            return agent != null ? agent.selectArgument(method, asked, argument)
                    : Capture.selectArgument(PlanCache.forMethod(method), asked, argument);
        } catch (Throwable t) {
            WARN.warn("runtime", "auditweave: could not capture events of {}: {}", method, t.toString());
            return Selected.candidates(asked);
        }
    }

    /**
     * As {@link Capture#afterReturn(EmitPlan, Object[], Object)}, for a weaver that knows the method but not its plan:
     * the plan is built only when the runtime is active, so a disabled auditweave compiles and reports nothing.
     */
    public static void afterReturn(Method method, Object[] args, Object result) {
        long selected = select(method, result);
        if (Selected.asksArgument(selected)) {
            selected = selectArgument(method, selected, args[Selected.argumentIndex(selected)]);
        }
        if (selected != 0L) {
            afterReturn(method, args, result, selected);
        }
    }

    /**
     * As {@link Capture#afterReturn(EmitPlan, Object[], Object, long)}, by method: {@link #select(Method, Object)}
     * built the plan already (only an active runtime selects anything), so this finds it in the cache.
     */
    public static void afterReturn(Method method, Object[] args, Object result, long selected) {
        EmitHandler agent = AgentHandoff.agent();
        if (agent != null) {
            agent.afterReturn(method, args, result, selected);
        } else {
            Capture.afterReturn(PlanCache.forMethod(method), args, result, selected);
        }
    }

    /**
     * As {@link Capture#afterPublisher(EmitPlan, Object[], Object)}, for a weaver that knows the method but not its
     * plan; with a {@code -javaagent} attached, the agent's runtime watches it ({@link AgentHandoff}).
     */
    public static Object afterPublisher(Method method, Object[] args, Object publisher) {
        try {
            EmitHandler agent = AgentHandoff.agent();
            if (agent != null) {
                return agent.afterPublisher(method, args, publisher);
            }
            AuditweaveRuntime runtime = AuditweaveRuntime.current();
            return runtime.isIdle() ? publisher : Capture.afterPublisher(PlanCache.forMethod(method), args, publisher);
        } catch (Throwable t) {
            WARN.warn("runtime", "auditweave: could not capture events of {}: {}", method, t.toString());
            return publisher;
        }
    }

    /**
     * As {@link Capture#selectThrown(EmitPlan, Throwable)}, by method; with a {@code -javaagent} attached, the agent's.
     */
    public static long selectThrown(Method method, Throwable thrown) {
        try {
            EmitHandler agent = AgentHandoff.agent();
            if (agent != null) {
                return agent.selectThrown(method, thrown);
            }
            AuditweaveRuntime runtime = AuditweaveRuntime.current();
            return runtime.isIdle() ? 0L : Capture.selectThrown(PlanCache.forMethod(method), thrown);
        } catch (Throwable t) {
            WARN.warn("runtime", "auditweave: could not capture events of {}: {}", method, t.toString());
            return 0L;
        }
    }

    /**
     * As {@link Capture#afterThrow(EmitPlan, Object[], Throwable, long)}, by method, after
     * {@link #selectThrown(Method, Throwable)}.
     */
    public static void afterThrow(Method method, Object[] args, Throwable thrown, long selected) {
        EmitHandler agent = AgentHandoff.agent();
        if (agent != null) {
            agent.afterThrow(method, args, thrown, selected);
        } else {
            Capture.afterThrow(PlanCache.forMethod(method), args, thrown, selected);
        }
    }
}
