package dev.auditweave.agent.capture;

import dev.auditweave.agent.event.Event;
import dev.auditweave.agent.event.EventIds;
import dev.auditweave.agent.event.EventValues;
import dev.auditweave.agent.log.RateLimitedLogger;
import dev.auditweave.agent.plan.EmitPlan;
import dev.auditweave.agent.plan.EventSpec;
import dev.auditweave.agent.plan.PlanCache;
import dev.auditweave.agent.runtime.AuditweaveRuntime;
import java.lang.reflect.Method;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * The calling-thread step, and the one place both weavers end in: for each annotation of the method,
 * evaluate the guard; if it holds, resolve the fields into an immutable {@link Event} and offer it to the
 * delivery pipeline. Nothing here blocks, does I/O, or throws into the caller.
 *
 * <pre>{@code
 * // what the woven advice does after the method returned normally
 * Capture.afterReturn(PlanCache.forMethod(method), args, result);
 * }</pre>
 */
public final class Capture {

    private static final RateLimitedLogger WARN = new RateLimitedLogger(LoggerFactory.getLogger(Capture.class), 60);

    private Capture() {
    }

    /**
     * Emits the events of {@code plan} for one call that returned {@code result} (boxed; {@code null} for void).
     * Never throws: a failure is counted and logged, rate-limited.
     */
    public static void afterReturn(EmitPlan plan, Object[] args, Object result) {
        try {
            AuditweaveRuntime runtime = AuditweaveRuntime.current();
            if (!runtime.isIdle()) {
                emitAll(runtime, plan, args, result);
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
        try {
            AuditweaveRuntime runtime = AuditweaveRuntime.current();
            if (!runtime.isIdle()) {
                emitAll(runtime, PlanCache.forMethod(method), args, result);
            }
        } catch (Throwable t) {
            WARN.warn("runtime", "auditweave: could not capture events of {}: {}", method, t.toString());
        }
    }

    private static void emitAll(AuditweaveRuntime runtime, EmitPlan plan, Object[] args, Object result) {
        List<EventSpec> specs = plan.specs();
        for (int i = 0; i < specs.size(); i++) {
            emit(runtime, plan, specs.get(i), args, result);
        }
    }

    private static void emit(AuditweaveRuntime runtime, EmitPlan plan, EventSpec spec, Object[] args, Object result) {
        try {
            long now = spec.guardReadsNow() ? System.currentTimeMillis() : 0L;
            if (spec.guard() != null && !spec.guard().test(args, result, now)) {
                spec.guardedOut().increment();
                return;
            }
            if (now == 0L) {
                now = System.currentTimeMillis();
            }
            runtime.accept(build(spec, args, result, now));
        } catch (Throwable t) {
            runtime.counters().captureError();
            WARN.warn(plan.method() + '|' + spec.type(),
                    "auditweave: event {} of {} not emitted, evaluating it threw {}",
                    spec.type(), plan.method(), t.toString());
        }
    }

    private static Event build(EventSpec spec, Object[] args, Object result, long now) {
        List<EventSpec.FieldSpec> fields = spec.fields();
        Map<String, Object> data = new LinkedHashMap<>(Math.max(4, fields.size() * 2));
        for (int i = 0; i < fields.size(); i++) {
            EventSpec.FieldSpec field = fields.get(i);
            data.put(field.name(), EventValues.snapshot(field.value().evaluate(args, result, now)));
        }
        long occurredAt = spec.occurredAt() == null ? now
                : EpochMillis.of(spec.occurredAt().evaluate(args, result, now), now);
        return new Event(id(spec, args, result, now), spec.type(), occurredAt, Collections.unmodifiableMap(data));
    }

    private static String id(EventSpec spec, Object[] args, Object result, long now) {
        if (spec.idempotencyKey() == null) {
            return EventIds.random();
        }
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
