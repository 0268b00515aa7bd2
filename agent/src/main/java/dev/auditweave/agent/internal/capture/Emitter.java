package dev.auditweave.agent.internal.capture;

import dev.auditweave.agent.internal.event.EnrichRequest;
import dev.auditweave.agent.internal.event.Event;
import dev.auditweave.agent.internal.event.EventIds;
import dev.auditweave.agent.internal.event.EventValues;
import dev.auditweave.agent.internal.event.SnapshotLimits;
import dev.auditweave.agent.internal.log.Loggers;
import dev.auditweave.agent.internal.log.RateLimitedLogger;
import dev.auditweave.agent.internal.plan.EmitPlan;
import dev.auditweave.agent.internal.plan.EventSpec;
import dev.auditweave.agent.internal.redact.HashKey;
import dev.auditweave.agent.internal.redact.Redaction;
import dev.auditweave.agent.internal.runtime.AuditweaveRuntime;
import java.util.List;
import java.util.Map;

/**
 * The end of step two, shared by every outcome (a return, a throw, a completed stage): for each selected annotation,
 * the guard {@link Capture#select} left open, then its fields, redacted, into an immutable {@link Event}, handed to
 * the runtime, which holds it for the transaction or sends it on. A failure is counted and logged per annotation and
 * never reaches the caller.
 *
 * <pre>{@code
 * Emitter.emitAll(runtime, plan, args, result, selected, false, null);   // on the calling thread, after a return
 * }</pre>
 */
final class Emitter {

    private static final RateLimitedLogger WARN = new RateLimitedLogger(Loggers.get(Emitter.class), 60);

    private Emitter() {
    }


    /**
     * Emits the {@code selected} annotations that fire on this outcome ({@code thrown}: the {@code on = THROWN}
     * ones, {@code value} being the {@link Thrown}; else the others, {@code value} being the result). {@code stage}
     * is {@code null} on the calling thread, where {@link Capture#select} already decided the result-only guards, and the
     * completed stage otherwise, which evaluates every guard and holds events for the transaction found at return.
     */
    static void emitAll(AuditweaveRuntime runtime, EmitPlan plan, Object[] callArgs, Object value, long selected,
                        boolean thrown, PendingCall stage) {
        // ACTOR, REQUEST, TRACE, MDC: resolved once per call, only those a selected annotation reads, into their slots
        // after the parameters (for a stage, at return already).
        Object[] args = stage == null ? CallContext.append(callArgs, plan, selected, runtime) : callArgs;
        List<EventSpec> specs = plan.specs();
        boolean every = specs.size() > Capture.SELECTABLE;
        boolean guardsSelected = stage == null && !every;
        for (int i = 0; i < specs.size(); i++) {
            EventSpec spec = specs.get(i);
            if (spec.onThrown() == thrown && (every || (selected & (1L << i)) != 0L)) {
                // A result-only guard already held in select; any other guard is evaluated now.
                emit(runtime, plan, spec, args, value, !guardsSelected || !spec.guardDecidedByResult(), stage);
            }
        }
    }

    private static void emit(AuditweaveRuntime runtime, EmitPlan plan, EventSpec spec, Object[] args, Object result,
                             boolean evaluateGuard, PendingCall stage) {
        try {
            long now = evaluateGuard && spec.guardReadsNow() ? System.currentTimeMillis() : 0L;
            if (evaluateGuard && spec.guard() != null && !spec.guard().test(args, result, now)) {
                spec.guardedOut().increment();
                return;
            }
            if (now == 0L) {
                now = System.currentTimeMillis();
            }
            Event event = build(plan, spec, args, result, now, runtime.snapshotLimits(), runtime.hashKey());
            if (stage == null) {
                runtime.accept(event, spec.afterCommit() ? plan.caller() : null);
            } else {
                runtime.accept(event, spec.afterCommit() ? stage.pending() : null);
            }
        } catch (Throwable t) {
            failed(runtime, plan, spec, t);
        }
    }

    static void failed(AuditweaveRuntime runtime, EmitPlan plan, EventSpec spec, Throwable t) {
        runtime.counters().captureError();
        WARN.warn(plan.method() + '|' + spec.type(),
                "auditweave: event {} of {} not emitted, evaluating it threw {}",
                spec.type(), plan.method(), t.toString());
    }

    private static Event build(EmitPlan plan, EventSpec spec, Object[] args, Object result, long now,
                               SnapshotLimits limits, HashKey hashKey) {
        List<EventSpec.FieldSpec> fields = spec.fields();
        Object[] values = new Object[fields.size()];
        for (int i = 0; i < values.length; i++) {
            EventSpec.FieldSpec field = fields.get(i);
            Object value = field.value().evaluate(args, result, now);
            if (field.redaction() != Redaction.NONE) {
                // Before the event exists: the clear value reaches no queue, spool, sink or log.
                value = field.redaction().apply(value, hashKey, field.name());
            }
            values[i] = EventValues.snapshot(value, limits);
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
