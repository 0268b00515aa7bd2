package dev.auditweave.agent.internal.plan;

import java.lang.reflect.Method;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * One {@link EmitPlan} per method for the life of the JVM, so that expressions are compiled and errors
 * reported exactly once, whichever weaver asks first. The sites configuration switches off
 * ({@link DeclaredSites#rules()}) are read when a method's plan is built: set them before the first call.
 */
public final class PlanCache {

    private static final ConcurrentMap<Method, EmitPlan> PLANS = new ConcurrentHashMap<>();

    private PlanCache() {
    }

    /**
     * The plan of {@code method}, built on first request. A method that only inherits its annotations (from an
     * interface, abstract or superclass method) shares the compiled plan of the method that carries them, so that
     * compiling that one at start-up (a Spring Data repository interface method, say) serves every implementation,
     * and a bad expression is reported once.
     */
    public static EmitPlan forMethod(Method method) {
        EmitPlan plan = PLANS.get(method);
        if (plan != null) {
            return plan;
        }
        if (DeclaredSites.rules().disabledMethod(method) != null) {
            // Switched off by auditweave.disable.methods: a plan without annotations, so a call costs one check.
            EmitPlan none = new EmitPlan(method.toString(), java.util.List.of(), method);
            EmitPlan raced = PLANS.putIfAbsent(method, none);
            return raced != null ? raced : none;
        }
        Method source = InheritedAnnotations.source(method);
        if (source != null && !source.equals(method)) {
            EmitPlan inherited = forMethod(source).runningAs(method);
            EmitPlan raced = PLANS.putIfAbsent(method, inherited);
            return raced != null ? raced : inherited;
        }
        return PLANS.computeIfAbsent(method, EmitPlanBuilder::build);
    }
}
