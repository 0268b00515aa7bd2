package dev.auditweave.agent.internal.expr;

/**
 * Where a {@link ModelScope} finds the types the checker itself needs (the literals' types, {@code Object},
 * auditweave's {@code Actor} and {@code THROWN}): one implementation per type model.
 *
 * <pre>{@code
 * TypeModel model = ReflectionModel.INSTANCE;
 * ModelType text = model.type(String.class);
 * }</pre>
 */
@FunctionalInterface
public interface TypeModel {

    /** The model's view of {@code type}, a class the checker knows by itself. */
    ModelType type(Class<?> type);
}
