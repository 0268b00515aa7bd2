package dev.auditweave.agent.internal.plan;

import dev.auditweave.agent.internal.config.DeclaredEmit;
import java.util.List;

/**
 * The attributes of one {@code @EmitsAbuseEvent}, copied out of the annotation as plain strings so that
 * the runtime never depends on which class loader defined the annotation type; or of one site declared in
 * configuration ({@code auditweave.emit.<id>.*}), which is compiled and checked by exactly the same code.
 *
 * @param declaredBy for a declared site, how its key reads in messages; empty for an annotation
 */
record EmitDeclaration(String type, String when, List<FieldDeclaration> data, String occurredAt,
                       String idempotencyKey, String phase, String on, List<String> enrich, String declaredBy) {

    /** The declaration with the defaults of {@code phase}, {@code on} and {@code enrich}. */
    EmitDeclaration(String type, String when, List<FieldDeclaration> data, String occurredAt, String idempotencyKey) {
        this(type, when, data, occurredAt, idempotencyKey, "AFTER_COMMIT", "RETURNED", List.of(), "");
    }

    /** The site declared in configuration by {@code declared}. */
    static EmitDeclaration of(DeclaredEmit declared) {
        return new EmitDeclaration(declared.type(), declared.when(), declared.data().stream()
                .map(field -> new FieldDeclaration(field.name(), field.value())).toList(), declared.occurredAt(),
                declared.idempotencyKey(), declared.phase(), declared.on(), declared.enrich(), declared.label());
    }

    /**
     * How the annotation reads in an error message, e.g. {@code @EmitsAbuseEvent(type = "user.blocked")}; a declared
     * site names its key, {@code declared emit site auditweave.emit.signin.method = '...' (origin) (type "auth.signin")}.
     */
    String label() {
        return declaredBy.isEmpty() ? "@EmitsAbuseEvent(type = \"" + type + "\")"
                : "declared emit site " + declaredBy + " (type \"" + type + "\")";
    }

    /**
     * One {@code @Field}, or one {@code data.<field>} of a declared site.
     *
     * @param redact its {@code redact} as {@code Redact} names it: {@code NONE}, {@code HASH}, {@code MASK} or
     *               {@code DROP}
     */
    record FieldDeclaration(String name, String value, String redact) {

        /** A field sent as it is (a declared site's fields are). */
        FieldDeclaration(String name, String value) {
            this(name, value, "NONE");
        }
    }
}
