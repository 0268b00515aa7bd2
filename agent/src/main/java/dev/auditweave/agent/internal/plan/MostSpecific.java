package dev.auditweave.agent.internal.plan;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/**
 * Per receiver class: whether its most specific implementation of an instrumented method is that method, so that an
 * override calling {@code super} is captured once, by the override's own plan ({@link EmitPlan#runsFor}).
 */
final class MostSpecific extends ClassValue<Boolean> {

    private final Method instrumented;

    private MostSpecific(Method instrumented) {
        this.instrumented = instrumented;
    }

    /** The answer per receiver class for {@code method}, or {@code null} when no class can override it. */
    static MostSpecific ifOverridable(Method method) {
        int modifiers = method.getModifiers();
        boolean overridable = !Modifier.isStatic(modifiers) && !Modifier.isPrivate(modifiers)
                && !Modifier.isFinal(modifiers) && !Modifier.isFinal(method.getDeclaringClass().getModifiers());
        return overridable ? new MostSpecific(method) : null;
    }

    @Override
    protected Boolean computeValue(Class<?> receiver) {
        Class<?> declaring = instrumented.getDeclaringClass();
        for (Class<?> type = receiver; type != null && type != declaring; type = type.getSuperclass()) {
            try {
                Method candidate = type.getDeclaredMethod(instrumented.getName(), instrumented.getParameterTypes());
                if (!candidate.isBridge() && !Modifier.isAbstract(candidate.getModifiers())
                        && !Modifier.isStatic(candidate.getModifiers())) {
                    return false;
                }
            } catch (NoSuchMethodException | LinkageError e) {
                // Not declared at this level: look further up.
            }
        }
        return true;
    }
}
