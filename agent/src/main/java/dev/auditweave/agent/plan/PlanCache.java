package dev.auditweave.agent.plan;

import java.lang.reflect.Method;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * One {@link EmitPlan} per method for the life of the JVM, so that expressions are compiled and errors
 * reported exactly once, whichever weaver asks first.
 */
public final class PlanCache {

    private static final ConcurrentMap<Method, EmitPlan> PLANS = new ConcurrentHashMap<>();

    private PlanCache() {
    }

    /** The plan of {@code method}, built on first request. */
    public static EmitPlan forMethod(Method method) {
        EmitPlan plan = PLANS.get(method);
        return plan != null ? plan : PLANS.computeIfAbsent(method, EmitPlanBuilder::build);
    }
}
