package dev.auditweave.agent.capture;

import dev.auditweave.agent.event.EnrichRequest;
import dev.auditweave.agent.event.Event;
import dev.auditweave.agent.event.EventIds;
import dev.auditweave.agent.event.EventValues;
import dev.auditweave.agent.log.Loggers;
import dev.auditweave.agent.log.RateLimitedLogger;
import dev.auditweave.agent.plan.EmitPlan;
import dev.auditweave.agent.plan.EventSpec;
import dev.auditweave.agent.plan.PlanCache;
import dev.auditweave.agent.runtime.AuditweaveRuntime;
import dev.auditweave.bootstrap.EmitHandler;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;

/**
 * The calling-thread step, and the one place both weavers end in: for each annotation of the method,
 * evaluate the guard; if it holds, resolve the fields into an immutable {@link Event} and offer it to the
 * delivery pipeline. Nothing here blocks, does I/O, or throws into the caller.
 *
 * <p>A weaver calls it in two steps so that a call whose guard is false costs no allocation: {@link #select}
 * needs only the result and evaluates every guard that reads nothing else; only when something may fire does
 * the weaver build the arguments array and call {@link #afterReturn(EmitPlan, Object[], Object, long)}.
 *
 * <pre>{@code
 * // what the woven advice does after the method returned normally
 * long selected = Capture.select(plan, result);          // 0: nothing fires, return at once
 * if (selected != 0L) {
 *     Capture.afterReturn(plan, new Object[] {userId, reason}, result, selected);
 * }
 * }</pre>
 */
public final class Capture {

    private static final RateLimitedLogger WARN = new RateLimitedLogger(Loggers.get(Capture.class), 60);

    private Capture() {
    }

    /**
     * {@link #select} answer for a plan whose guards {@link #select} does not evaluate: every annotation is
     * evaluated in full by {@link #afterReturn(EmitPlan, Object[], Object, long)}.
     */
    public static final long ALL = -1L;

    /**
     * The most annotations on one method whose result-only guards {@link #select} evaluates; a method with more
     * (never seen in practice) has every guard evaluated in the second step.
     */
    private static final int SELECTABLE = Long.SIZE;

    /**
     * Step one, on the calling thread, without the arguments: which annotations of {@code plan} may fire for a
     * call that returned {@code result}. Bit {@code i} stands for annotation {@code i}: set when its guard reads
     * only the result and held, or when its guard needs the arguments or the clock (or there is none) and must
     * be evaluated in step two. {@code 0}: nothing fires (or auditweave is idle), and the caller should not
     * even build the arguments. Never throws: a guard that throws is counted and logged, and its bit is clear.
     */
    public static long select(EmitPlan plan, Object result) {
        try {
            AuditweaveRuntime runtime = AuditweaveRuntime.current();
            return runtime.isIdle() ? 0L : select(runtime, plan, result);
        } catch (Throwable t) {
            WARN.warn("runtime", "auditweave: could not capture events of {}: {}", plan.method(), t.toString());
            return 0L;
        }
    }

    /**
     * As {@link #select(EmitPlan, Object)}, for a weaver that knows the method but not its plan: the plan is
     * built only when the runtime is active, so a disabled auditweave compiles and reports nothing. With a
     * {@code -javaagent} attached, the agent's runtime captures the call ({@link AgentHandoff}).
     */
    public static long select(Method method, Object result) {
        try {
            EmitHandler agent = AgentHandoff.agent();
            if (agent != null) {
                return agent.select(method, result);
            }
            AuditweaveRuntime runtime = AuditweaveRuntime.current();
            return runtime.isIdle() ? 0L : select(runtime, PlanCache.forMethod(method), result);
        } catch (Throwable t) {
            WARN.warn("runtime", "auditweave: could not capture events of {}: {}", method, t.toString());
            return 0L;
        }
    }

    private static long select(AuditweaveRuntime runtime, EmitPlan plan, Object result) {
        List<EventSpec> specs = plan.specs();
        int count = specs.size();
        if (count > SELECTABLE) {
            return ALL;
        }
        long decidedByResult = plan.guardsDecidedByResult();
        long selected = 0L;
        for (int i = 0; i < count; i++) {
            long bit = 1L << i;
            if ((decidedByResult & bit) == 0L || passes(runtime, plan, specs.get(i), result)) {
                selected |= bit;
            }
        }
        return selected;
    }

    private static boolean passes(AuditweaveRuntime runtime, EmitPlan plan, EventSpec spec, Object result) {
        try {
            // The guard reads neither arguments nor NOW: neither is needed.
            if (spec.guard().test(null, result, 0L)) {
                return true;
            }
            spec.guardedOut().increment();
            return false;
        } catch (Throwable t) {
            failed(runtime, plan, spec, t);
            return false;
        }
    }

    /**
     * Emits the events of {@code plan} for one call that returned {@code result} (boxed; {@code null} for void).
     * Never throws: a failure is counted and logged, rate-limited.
     */
    public static void afterReturn(EmitPlan plan, Object[] args, Object result) {
        long selected = select(plan, result);
        if (selected != 0L) {
            afterReturn(plan, args, result, selected);
        }
    }

    /**
     * Step two: emits the annotations {@link #select} selected, evaluating the guards it left to this step.
     * Never throws.
     */
    public static void afterReturn(EmitPlan plan, Object[] args, Object result, long selected) {
        try {
            AuditweaveRuntime runtime = AuditweaveRuntime.current();
            if (!runtime.isIdle()) {
                emitAll(runtime, plan, args, result, selected);
            }
        } catch (Throwable t) {
            // Only reached when the runtime itself cannot start; the business method must not notice.
            WARN.warn("runtime", "auditweave: could not capture events of {}: {}", plan.method(), t.toString());
        }
    }

    /**
     * As {@link #afterReturn(EmitPlan, Object[], Object)}, for a weaver that knows the method but not its plan:
     * the plan is built only when the runtime is active, so a disabled auditweave compiles and reports nothing.
     */
    public static void afterReturn(Method method, Object[] args, Object result) {
        long selected = select(method, result);
        if (selected != 0L) {
            afterReturn(method, args, result, selected);
        }
    }

    /**
     * As {@link #afterReturn(EmitPlan, Object[], Object, long)}, by method: {@link #select(Method, Object)} built the
     * plan already (only an active runtime selects anything), so this finds it in the cache.
     */
    public static void afterReturn(Method method, Object[] args, Object result, long selected) {
        EmitHandler agent = AgentHandoff.agent();
        if (agent != null) {
            agent.afterReturn(method, args, result, selected);
        } else {
            afterReturn(PlanCache.forMethod(method), args, result, selected);
        }
    }

    private static void emitAll(AuditweaveRuntime runtime, EmitPlan plan, Object[] args, Object result,
                                long selected) {
        List<EventSpec> specs = plan.specs();
        boolean guardsSelected = specs.size() <= SELECTABLE;
        for (int i = 0; i < specs.size(); i++) {
            EventSpec spec = specs.get(i);
            if (!guardsSelected) {
                emit(runtime, plan, spec, args, result, true);
            } else if ((selected & (1L << i)) != 0L) {
                // A result-only guard already held in select; any other guard is evaluated now.
                emit(runtime, plan, spec, args, result, !spec.guardDecidedByResult());
            }
        }
    }

    private static void emit(AuditweaveRuntime runtime, EmitPlan plan, EventSpec spec, Object[] args, Object result,
                             boolean evaluateGuard) {
        try {
            long now = evaluateGuard && spec.guardReadsNow() ? System.currentTimeMillis() : 0L;
            if (evaluateGuard && spec.guard() != null && !spec.guard().test(args, result, now)) {
                spec.guardedOut().increment();
                return;
            }
            if (now == 0L) {
                now = System.currentTimeMillis();
            }
            runtime.accept(build(plan, spec, args, result, now), spec.afterCommit() ? plan.caller() : null);
        } catch (Throwable t) {
            failed(runtime, plan, spec, t);
        }
    }

    private static void failed(AuditweaveRuntime runtime, EmitPlan plan, EventSpec spec, Throwable t) {
        runtime.counters().captureError();
        WARN.warn(plan.method() + '|' + spec.type(),
                "auditweave: event {} of {} not emitted, evaluating it threw {}",
                spec.type(), plan.method(), t.toString());
    }

    private static Event build(EmitPlan plan, EventSpec spec, Object[] args, Object result, long now) {
        List<EventSpec.FieldSpec> fields = spec.fields();
        Object[] values = new Object[fields.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = EventValues.snapshot(fields.get(i).value().evaluate(args, result, now));
        }
        Map<String, Object> data = spec.fieldNames().with(values);
        long occurredAt = spec.occurredAt() == null ? now
                : EpochMillis.of(spec.occurredAt().evaluate(args, result, now), now);
        EnrichRequest enrich = spec.enrichers().isEmpty() ? null : enrichRequest(plan, spec);
        if (spec.idempotencyKey() == null) {
            // The id's random bits are drawn here; its text is written off the calling thread.
            return Event.withRandomId(spec.type(), occurredAt, data, enrich);
        }
        return new Event(id(spec, args, result, now), spec.type(), occurredAt, data, enrich);
    }

    /** The enrichers of {@code spec}, found later through the class loader of the annotated method's class. */
    private static EnrichRequest enrichRequest(EmitPlan plan, EventSpec spec) {
        Class<?> caller = plan.caller();
        return new EnrichRequest(spec.enrichers(), caller == null ? null : caller.getClassLoader());
    }

    private static String id(EventSpec spec, Object[] args, Object result, long now) {
        Object key = spec.idempotencyKey().evaluate(args, result, now);
        if (key == null) {
            // A fresh id still delivers the event; only deduplication is lost, which the log should say.
            WARN.warn("null-key|" + spec.type(), "auditweave: idempotencyKey '{}' of {} was null; used a fresh id",
                    spec.idempotencyKey().source(), spec.type());
            return EventIds.random();
        }
        return EventIds.forKey(spec.type(), String.valueOf(key));
    }
}
