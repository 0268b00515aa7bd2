package dev.auditweave.agent.internal.weave.bytebuddy;

import dev.auditweave.agent.internal.plan.DeclaredMethods;
import dev.auditweave.agent.internal.plan.EmitPlan;
import dev.auditweave.agent.internal.plan.PlanCache;
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

    /**
     * The resolved plans, by id, apart from {@link #slots} so that a call reads one array. An element is written
     * under the lock that copies the array when it grows, so no write is lost, and an {@link EmitPlan} (final fields
     * only) is safely published by that write alone. Plans are compiled outside the lock: compiling may load classes,
     * whose instrumentation registers slots.
     */
    private static volatile EmitPlan[] plans = new EmitPlan[0];

    private PlanSlots() {
    }

    /** Reserves an id for a method of {@code typeName} about to be instrumented. */
    static synchronized int register(String typeName, String name, String descriptor) {
        int id = slots.length;
        Slot[] grown = Arrays.copyOf(slots, id + 1);
        grown[id] = new Slot(typeName, name, descriptor);
        plans = Arrays.copyOf(plans, id + 1);
        slots = grown;
        return id;
    }

    /** The plan of slot {@code id}, whose method is declared by {@code type}. */
    public static EmitPlan plan(int id, Class<?> type) {
        EmitPlan plan = plans[id];
        return plan != null ? plan : resolve(id, type);
    }

    /**
     * Resolves, now, the plans of every slot of {@code type} not resolved yet: what {@link PlanPrecompiler} does
     * right after the class is instrumented, so that the first call finds its plan compiled. Returns how many.
     */
    static int resolveAll(Class<?> type) {
        Slot[] known = slots;
        int resolved = 0;
        for (int id = 0; id < known.length; id++) {
            if (plans[id] == null && known[id].typeName.equals(type.getName())) {
                // The receiver is most often the declaring class itself: have its answer ready too.
                resolve(id, type).runsFor(type);
                resolved++;
            }
        }
        return resolved;
    }

    /** The plan of slot {@code id}; the {@link PlanCache} makes one per method, whichever thread asks first. */
    private static EmitPlan resolve(int id, Class<?> type) {
        EmitPlan plan = slots[id].resolve(type);
        store(id, plan);
        return plan;
    }

    private static synchronized void store(int id, EmitPlan plan) {
        plans[id] = plan;
    }

    private static final class Slot {
        private final String typeName;
        private final String name;
        private final String descriptor;

        Slot(String typeName, String name, String descriptor) {
            this.typeName = typeName;
            this.name = name;
            this.descriptor = descriptor;
        }

        EmitPlan resolve(Class<?> type) {
            Method method = DeclaredMethods.find(type, name, descriptor);
            if (method != null) {
                return PlanCache.forMethod(method);
            }
            throw new IllegalStateException("no method " + name + descriptor + " on " + type.getName());
        }
    }
}
