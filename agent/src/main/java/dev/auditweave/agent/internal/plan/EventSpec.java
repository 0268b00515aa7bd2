package dev.auditweave.agent.internal.plan;

import dev.auditweave.agent.internal.event.FieldMap;
import dev.auditweave.agent.internal.expr.ArgumentCheck;
import dev.auditweave.agent.internal.expr.CompiledExpression;
import dev.auditweave.agent.internal.expr.ExpressionCompiler;
import dev.auditweave.agent.internal.metrics.GuardCounter;
import dev.auditweave.agent.internal.redact.Redaction;
import java.util.List;
import java.util.Objects;

/**
 * One compiled {@code @EmitsAbuseEvent}: everything the calling thread needs, derived once.
 *
 * @param type               the event type
 * @param guard              the compiled {@code when}, or {@code null} for "always"
 * @param resultCheck        what the calling thread evaluates before it builds the arguments array
 *                           ({@link ExpressionCompiler#resultCheck}): the guard when the result decides it, else
 *                           the part of it that the result decides and that must hold; {@code null} when neither
 *                           exists and only the whole guard can tell
 * @param argumentCheck      what the calling thread evaluates with one argument before it builds the arguments array
 *                           ({@link ExpressionCompiler#argumentCheck}), or {@code null}
 * @param fields             the compiled {@code data} fields, in declaration order
 * @param occurredAt         the compiled time source, or {@code null} for the capture instant
 * @param idempotencyKey     the compiled key, or {@code null} for a fresh id
 * @param fieldNames         the names of {@code fields}, in order, shared by the data maps of all its events
 * @param guardedOut         counts the calls whose guard was false (summed into {@code AuditweaveMetrics.guardedOut})
 * @param afterCommit        {@code phase = AFTER_COMMIT}: inside a transaction the event waits for its commit
 * @param onThrown           {@code on = THROWN}: the event fires when the method throws, not when it returns
 * @param enrichers          the names of the enrichers that add fields off the calling thread, in order
 */
public record EventSpec(String type, CompiledExpression guard, CompiledExpression resultCheck,
                        ArgumentCheck argumentCheck, List<FieldSpec> fields, CompiledExpression occurredAt, CompiledExpression idempotencyKey,
                        FieldMap.Keys fieldNames, GuardCounter guardedOut, boolean afterCommit, boolean onThrown,
                        List<String> enrichers) {

    public EventSpec {
        fields = List.copyOf(fields);
        enrichers = List.copyOf(enrichers);
        if (fieldNames.size() != fields.size()) {
            throw new IllegalArgumentException("fieldNames " + fieldNames + " do not match the fields " + fields);
        }
        if (guard == null ? resultCheck != null : !guard.readsArguments() && !guard.readsNow() && resultCheck != guard) {
            throw new IllegalArgumentException("the result check of guard " + guard + " is " + resultCheck);
        }
        if (argumentCheck != null && (guard == null || !guard.readsArguments())) {
            throw new IllegalArgumentException("the guard " + guard + " reads no argument to check: " + argumentCheck);
        }
    }

    public EventSpec(String type, CompiledExpression guard, CompiledExpression resultCheck,
                     ArgumentCheck argumentCheck, List<FieldSpec> fields, CompiledExpression occurredAt,
                     CompiledExpression idempotencyKey, boolean afterCommit, boolean onThrown, List<String> enrichers) {
        this(type, guard, resultCheck, argumentCheck, fields, occurredAt, idempotencyKey,
                FieldMap.keys(fields.stream().map(FieldSpec::name).toList()), new GuardCounter(), afterCommit,
                onThrown, enrichers);
    }

    /** Whether the guard itself reads the clock: only then is the clock read before the guard passes. */
    public boolean guardReadsNow() {
        return guard != null && guard.readsNow();
    }

    /**
     * Whether the result alone decides the guard: there is a guard and it reads neither an argument nor
     * {@code NOW}. Such a guard is evaluated before the weaver builds the arguments array, so that a call whose
     * guard is false allocates nothing.
     */
    public boolean guardDecidedByResult() {
        return guard != null && !guard.readsArguments() && !guard.readsNow();
    }

    /**
     * Whether any expression of this annotation (guard, field, time or key) reads {@code ACTOR}: only then is the
     * actor resolved for a call, once, on the calling thread.
     */
    public boolean readsActor() {
        if (reads(guard) || reads(occurredAt) || reads(idempotencyKey)) {
            return true;
        }
        for (FieldSpec field : fields) {
            if (reads(field.value())) {
                return true;
            }
        }
        return false;
    }

    private static boolean reads(CompiledExpression expression) {
        return expression != null && expression.readsActor();
    }

    /**
     * The {@link dev.auditweave.agent.internal.expr.ContextRoot}s any expression of this annotation reads, as bits: only
     * those are resolved for a call, once, on the calling thread.
     */
    public int contextRoots() {
        int roots = roots(guard) | roots(occurredAt) | roots(idempotencyKey);
        for (FieldSpec field : fields) {
            roots |= roots(field.value());
        }
        return roots;
    }

    private static int roots(CompiledExpression expression) {
        return expression == null ? 0 : expression.contextRoots();
    }

    /**
     * One compiled {@code @Field} that is sent (one with {@code redact = DROP} is not in the spec).
     *
     * @param redaction what the calling thread does to its value before the event is built
     */
    public record FieldSpec(String name, CompiledExpression value, Redaction redaction) {

        public FieldSpec {
            Objects.requireNonNull(redaction, "redaction");
        }
    }
}
