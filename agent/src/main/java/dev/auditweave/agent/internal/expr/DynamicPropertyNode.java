package dev.auditweave.agent.internal.expr;

/**
 * {@code target.name} on a value declared as {@code Object}: resolved on the value's class, once per class.
 * Null-safe; a class without the property makes every read throw {@link ExpressionEvaluationException}.
 */
final class DynamicPropertyNode implements Node {

    private final Node target;
    private final ClassValue<PropertyReader> readers;

    DynamicPropertyNode(Node target, String name) {
        this.target = target;
        this.readers = new ClassValue<>() {
            @Override
            protected PropertyReader computeValue(Class<?> type) {
                try {
                    Property property = PropertyResolver.find(type, name);
                    return property != null ? property.reader()
                            : new MissingPropertyReader(PropertyResolver.missing(type, name));
                } catch (IllegalAccessException e) {
                    return new MissingPropertyReader(e.getMessage());
                }
            }
        };
    }

    @Override
    public Object evaluate(Object[] args, Object result, long now) {
        Object owner = target.evaluate(args, result, now);
        return owner == null ? null : readers.get(owner.getClass()).read(owner);
    }
}
