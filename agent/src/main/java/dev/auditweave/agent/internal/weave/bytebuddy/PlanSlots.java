package dev.auditweave.agent.internal.weave.bytebuddy;

import dev.auditweave.agent.internal.plan.EmitPlan;
import dev.auditweave.agent.internal.plan.PlanCache;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * The instrumented methods, by the int id woven into each as a constant. The class cannot be reflected on
 * while it is being transformed, so a slot holds the method's name and descriptor and resolves its
 * {@link EmitPlan} right after the class is defined ({@link PlanPrecompiler}), or at the first call if that comes
 * first; afterwards a call costs one array read.
 */
public final class PlanSlots {

    private static volatile Slot[] slots = new Slot[0];

    private PlanSlots() {
    }

    /** Reserves an id for a method of {@code typeName} about to be instrumented. */
    static synchronized int register(String typeName, String name, String descriptor) {
        Slot[] grown = Arrays.copyOf(slots, slots.length + 1);
        grown[slots.length] = new Slot(typeName, name, descriptor);
        slots = grown;
        return slots.length - 1;
    }

    /** The plan of slot {@code id}, whose method is declared by {@code type}. */
    public static EmitPlan plan(int id, Class<?> type) {
        Slot slot = slots[id];
        EmitPlan plan = slot.plan;
        if (plan == null) {
            plan = slot.resolve(type);
        }
        return plan;
    }

    /**
     * Resolves, now, the plans of every slot of {@code type} not resolved yet: what {@link PlanPrecompiler} does
     * right after the class is instrumented, so that the first call finds its plan compiled. Returns how many.
     */
    static int resolveAll(Class<?> type) {
        int resolved = 0;
        for (Slot slot : slots) {
            if (slot.plan == null && slot.typeName.equals(type.getName())) {
                // The receiver is most often the declaring class itself: have its answer ready too.
                slot.resolve(type).runsFor(type);
                resolved++;
            }
        }
        return resolved;
    }

    private static final class Slot {
        private final String typeName;
        private final String name;
        private final String descriptor;
        private volatile EmitPlan plan;

        Slot(String typeName, String name, String descriptor) {
            this.typeName = typeName;
            this.name = name;
            this.descriptor = descriptor;
        }

        EmitPlan resolve(Class<?> type) {
            for (Method method : type.getDeclaredMethods()) {
                if (method.getName().equals(name) && descriptor.equals(
                        MethodType.methodType(method.getReturnType(), method.getParameterTypes()).toMethodDescriptorString())) {
                    EmitPlan resolved = PlanCache.forMethod(method);
                    plan = resolved;
                    return resolved;
                }
            }
            throw new IllegalStateException("no method " + name + descriptor + " on " + type.getName());
        }
    }
}
