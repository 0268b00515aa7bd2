package dev.auditweave.agent.internal.config;

import java.util.List;
import java.util.Objects;

/**
 * One emit site declared in configuration, {@code auditweave.emit.<id>.*}: the same attributes as an
 * {@code @EmitsAbuseEvent}, on a method named by {@code auditweave.emit.<id>.method}. Only its keys' syntax is
 * checked here; its expressions are compiled against the method, as an annotation's, when the class loads.
 *
 * <pre>{@code
 * auditweave.emit.signin.method=org.springframework.security.authentication.AuthenticationEventPublisher\
 *     #publishAuthenticationSuccess(org.springframework.security.core.Authentication)
 * auditweave.emit.signin.type=auth.signin
 * auditweave.emit.signin.data.kilo_user_id=args[0].name
 * }</pre>
 *
 * @param id             the id chosen in the keys, lower case
 * @param method         the method the site is declared on
 * @param type           the event type
 * @param when           the guard as written; empty for "always"
 * @param data           the fields, in order of first appearance
 * @param occurredAt     the time source; empty for the capture instant
 * @param idempotencyKey the key; empty for a fresh id
 * @param phase          {@code AFTER_COMMIT} or {@code IMMEDIATE}
 * @param on             {@code RETURNED} or {@code THROWN}
 * @param enrich         the enricher names, in order
 * @param origin         where {@code auditweave.emit.<id>.method} was set, for messages
 */
public record DeclaredEmit(String id, MethodRef method, String type, String when, List<Field> data, String occurredAt,
                           String idempotencyKey, String phase, String on, List<String> enrich, String origin) {

    public DeclaredEmit {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(when, "when");
        data = List.copyOf(data);
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(on, "on");
        enrich = List.copyOf(enrich);
        Objects.requireNonNull(origin, "origin");
    }

    /** The key that names the method, {@code auditweave.emit.<id>.method}: what messages about the site name. */
    public String methodKey() {
        return EmitKeys.METHOD.keyFor(id);
    }

    /** How the declaration reads in a message: {@code auditweave.emit.signin.method = 'A#b(...)' (origin)}. */
    public String label() {
        return methodKey() + " = '" + method + "' (" + origin + ")";
    }

    /**
     * The method as sites list one, with simple parameter type names: {@code readTree(String)}, or
     * {@code readTree(..)} for every overload.
     */
    public String signature() {
        List<String> parameters = method.parameterTypes();
        if (parameters == null) {
            return method.methodName() + "(..)";
        }
        StringBuilder signature = new StringBuilder(method.methodName()).append('(');
        for (int i = 0; i < parameters.size(); i++) {
            String name = parameters.get(i);
            signature.append(i == 0 ? "" : ", ").append(name.substring(Math.max(name.lastIndexOf('.'),
                    name.lastIndexOf('$')) + 1));
        }
        return signature.append(')').toString();
    }

    /** One {@code auditweave.emit.<id>.data.<name>}. */
    public record Field(String name, String value) {
        public Field {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }
    }
}
