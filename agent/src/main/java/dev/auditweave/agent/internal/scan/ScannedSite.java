package dev.auditweave.agent.internal.scan;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One {@code @EmitsAbuseEvent} found in a class file, or one site declared in configuration
 * ({@code auditweave.emit.<id>.*}), as written: nothing is loaded, compiled or type-checked.
 *
 * @param className      the class or interface that declares the method
 * @param method         the method's name and parameter types, such as {@code blockUser(String, String)}
 * @param type           the event type
 * @param when           the guard as written; empty for "always"
 * @param data           the fields, name to expression, in declaration order
 * @param phase          {@code AFTER_COMMIT} or {@code IMMEDIATE}
 * @param on             {@code RETURNED} or {@code THROWN}
 * @param enrich         the enrichers' names
 * @param occurredAt     the {@code occurredAt} expression; empty for the moment of the call
 * @param idempotencyKey the {@code idempotencyKey} expression; empty for a fresh id
 * @param declaredBy     for a site declared in configuration, the key that declares it
 *                       ({@code auditweave.emit.signin.method}); empty for an annotation
 * @param switchedOff    why configuration switched the site off ({@code auditweave.disable.*}); empty when it did not
 */
record ScannedSite(String className, String method, String type, String when, Map<String, String> data,
                   String phase, String on, List<String> enrich, String occurredAt, String idempotencyKey,
                   String declaredBy, String switchedOff) {

    ScannedSite {
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(when, "when");
        data = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(data));
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(on, "on");
        enrich = List.copyOf(enrich);
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(declaredBy, "declaredBy");
        Objects.requireNonNull(switchedOff, "switchedOff");
    }

    /** What configuration says of the site, for the table: declared, switched off (with why), or neither. */
    String status() {
        String declared = declaredBy.isEmpty() ? "annotation" : "declared by " + declaredBy;
        return switchedOff.isEmpty() ? declared : declared + "; " + switchedOff;
    }
}
