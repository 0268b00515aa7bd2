package dev.auditweave.agent.plan;

import dev.auditweave.agent.event.FieldMap;
import dev.auditweave.agent.expr.CompiledExpression;
import dev.auditweave.agent.metrics.GuardCounter;
import java.util.List;

/**
 * One compiled {@code @EmitsAbuseEvent}: everything the calling thread needs, derived once.
 *
 * @param type           the event type
 * @param guard          the compiled {@code when}, or {@code null} for "always"
 * @param fields         the compiled {@code data} fields, in declaration order
 * @param occurredAt     the compiled time source, or {@code null} for the capture instant
 * @param idempotencyKey the compiled key, or {@code null} for a fresh id
 * @param fieldNames     the names of {@code fields}, in order, shared by the data maps of all its events
 * @param guardedOut     counts the calls whose guard was false (summed into {@code AuditweaveMetrics.guardedOut})
 */
public record EventSpec(String type, CompiledExpression guard, List<FieldSpec> fields,
                        CompiledExpression occurredAt, CompiledExpression idempotencyKey, FieldMap.Keys fieldNames,
                        GuardCounter guardedOut) {

    public EventSpec {
        fields = List.copyOf(fields);
        if (fieldNames.size() != fields.size()) {
            throw new IllegalArgumentException("fieldNames " + fieldNames + " do not match the fields " + fields);
        }
    }

    public EventSpec(String type, CompiledExpression guard, List<FieldSpec> fields,
                     CompiledExpression occurredAt, CompiledExpression idempotencyKey) {
        this(type, guard, fields, occurredAt, idempotencyKey,
                FieldMap.keys(fields.stream().map(FieldSpec::name).toList()), new GuardCounter());
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

    /** One compiled {@code @Field}. */
    public record FieldSpec(String name, CompiledExpression value) {
    }
}
