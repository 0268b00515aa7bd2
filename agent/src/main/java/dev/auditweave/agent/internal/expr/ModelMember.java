package dev.auditweave.agent.internal.expr;

import java.util.Objects;

/**
 * A readable member of a {@link ModelType}: a record component, a method without parameters or a field, or a map
 * key. Only the reflection side compiles it into a reader, through {@link #source()}.
 *
 * <pre>{@code
 * ModelMember email = new ModelMember("email", stringType, accessorMethod);
 * ModelMember key = ModelMember.mapKey("plan", valueType);
 * }</pre>
 *
 * @param name   the member's name, for a method its name as declared ({@code getEmail})
 * @param type   its type as seen from the owner's type
 * @param source what the model found it through: a {@link java.lang.reflect.Method} or
 *               {@link java.lang.reflect.Field} on the reflection side, an element on the build-time side; {@code null}
 *               for a map key
 */
public record ModelMember(String name, ModelType type, Object source) {

    public ModelMember {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }

    /** The value under key {@code name} of a map whose values are of {@code type}. */
    public static ModelMember mapKey(String name, ModelType type) {
        return new ModelMember(name, type, null);
    }

    /** Whether this is a map key rather than a member. */
    public boolean isMapKey() {
        return source == null;
    }
}
