package dev.auditweave.agent.internal.expr;

import java.lang.reflect.Type;

/**
 * The run-time side of the checker's type model: {@link ModelType}s read through {@code java.lang.reflect}. The
 * build-time side ({@code auditweave-processor}) also uses it for auditweave's own types ({@code Actor},
 * {@code THROWN}), which are not part of the code it compiles.
 *
 * <pre>{@code
 * ModelType user = ReflectionModel.INSTANCE.type(User.class);
 * ModelType list = ReflectionModel.INSTANCE.type(method.getGenericReturnType());
 * }</pre>
 */
public final class ReflectionModel implements TypeModel {

    /** The only instance. */
    public static final ReflectionModel INSTANCE = new ReflectionModel();

    private ReflectionModel() {
    }

    @Override
    public ModelType type(Class<?> type) {
        return ReflectType.of(type);
    }

    /** The model's view of a generic {@code type}. */
    public ModelType type(Type type) {
        return ReflectType.of(type);
    }

    /** The checker's scope of a reflective {@link Scope}. */
    static ModelScope scope(Scope scope) {
        return new ModelScope(scope.signature().<ModelType>map(ReflectType::of), INSTANCE,
                ModelScope.MAVEN_PARAMETERS_FIX);
    }
}
