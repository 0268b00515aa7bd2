package dev.auditweave.agent.internal.plan;

import java.util.List;

/**
 * The attributes of one {@code @EmitsAbuseEvent}, copied out of the annotation as plain strings so that
 * the runtime never depends on which class loader defined the annotation type.
 */
record EmitDeclaration(String type, String when, List<FieldDeclaration> data, String occurredAt,
                       String idempotencyKey, String phase, String on, List<String> enrich) {

    /** The declaration with the defaults of {@code phase}, {@code on} and {@code enrich}. */
    EmitDeclaration(String type, String when, List<FieldDeclaration> data, String occurredAt, String idempotencyKey) {
        this(type, when, data, occurredAt, idempotencyKey, "AFTER_COMMIT", "RETURNED", List.of());
    }

    /** How the annotation reads in an error message, e.g. {@code @EmitsAbuseEvent(type = "user.blocked")}. */
    String label() {
        return "@EmitsAbuseEvent(type = \"" + type + "\")";
    }

    record FieldDeclaration(String name, String value) {
    }
}
