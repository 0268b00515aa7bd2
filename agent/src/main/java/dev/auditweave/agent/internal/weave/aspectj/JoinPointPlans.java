package dev.auditweave.agent.internal.weave.aspectj;

import dev.auditweave.agent.internal.plan.EmitPlan;
import dev.auditweave.agent.internal.plan.PlanCache;
import java.lang.reflect.Method;
import org.aspectj.lang.JoinPoint;
import org.aspectj.lang.reflect.MethodSignature;

/**
 * The plan of a woven join point, found by the identity of its {@link JoinPoint.StaticPart} (one constant per join
 * point, which ajc keeps in a static field of the woven class) in an open-addressing table: an identity hash, one
 * comparison, one array read, no {@link Method#equals}. The first call of a join point finds its plan in the
 * {@link PlanCache} (so both weavers share it) and adds it; the table is copied on write, so a call never locks.
 *
 * <p>{@link #find} looks at the join point's first slot only, as straight-line code: with the probing loop on the hot
 * path, {@code guardFalse_aspectj} measured 6.4-6.7 ns, against 5.5-6.2 ns without (baseline 0.5-0.6 ns, runs of
 * 2 December 2026). The table is kept at most a quarter full, so that few join points are displaced by a collision;
 * those take {@link #of}, which probes.
 *
 * <p>Its keys hold the join points, as the {@link PlanCache} holds their methods: for the JVM's life, bounded by
 * the application's code. What the table saves per call is measured by {@code PerCallBenchmark.guardFalse_aspectj}
 * (docs/performance.md).
 */
final class JoinPointPlans {

    /** Join point and plan in adjacent slots, {@code 2 * capacity} long; capacity a power of two, at most a quarter full. */
    private static volatile Object[] table = new Object[2 * 64];
    private static int size;

    private JoinPointPlans() {
    }

    /**
     * The plan of the method {@code joinPoint} executes when it sits in its first slot, the case of almost every join
     * point once {@link #of} added it; else {@code null}, and the caller asks {@link #of}.
     */
    static EmitPlan find(JoinPoint.StaticPart joinPoint) {
        Object[] slots = table;
        int first = 2 * (System.identityHashCode(joinPoint) & (slots.length / 2 - 1));
        return slots[first] == joinPoint ? (EmitPlan) slots[first + 1] : null;
    }

    /** The plan of the method {@code joinPoint} executes, wherever it sits; built on the first call. */
    static EmitPlan of(JoinPoint.StaticPart joinPoint) {
        EmitPlan plan = probe(table, joinPoint);
        return plan != null ? plan : add(joinPoint);
    }

    private static EmitPlan probe(Object[] slots, Object joinPoint) {
        int mask = slots.length / 2 - 1;
        for (int i = System.identityHashCode(joinPoint) & mask; ; i = (i + 1) & mask) {
            Object key = slots[2 * i];
            if (key == joinPoint) {
                return (EmitPlan) slots[2 * i + 1];
            }
            if (key == null) {
                return null;
            }
        }
    }

    /** The method {@code joinPoint} executes; {@code MethodSignatureImpl} resolves it once and keeps it. */
    static Method method(JoinPoint.StaticPart joinPoint) {
        return ((MethodSignature) joinPoint.getSignature()).getMethod();
    }

    private static synchronized EmitPlan add(JoinPoint.StaticPart joinPoint) {
        Object[] slots = table;
        EmitPlan known = probe(slots, joinPoint);
        if (known != null) {
            return known;
        }
        EmitPlan plan = PlanCache.forMethod(method(joinPoint));
        int capacity = slots.length / 2;
        Object[] grown = new Object[2 * (size + 1 > capacity / 4 ? 2 * capacity : capacity)];
        for (int i = 0; i < slots.length; i += 2) {
            if (slots[i] != null) {
                put(grown, slots[i], slots[i + 1]);
            }
        }
        put(grown, joinPoint, plan);
        size++;
        table = grown;
        return plan;
    }

    private static void put(Object[] slots, Object joinPoint, Object plan) {
        int mask = slots.length / 2 - 1;
        int i = System.identityHashCode(joinPoint) & mask;
        while (slots[2 * i] != null) {
            i = (i + 1) & mask;
        }
        slots[2 * i] = joinPoint;
        slots[2 * i + 1] = plan;
    }
}
