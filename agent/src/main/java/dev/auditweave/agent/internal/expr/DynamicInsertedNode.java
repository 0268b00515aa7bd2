package dev.auditweave.agent.internal.expr;

import java.lang.reflect.Method;

/**
 * {@code INSERTED} on a result declared as {@code Object}: {@code true} for {@link Boolean#TRUE} or for a result
 * whose {@code inserted()}/{@code isInserted()} returns true. The accessor is looked up once per result class.
 */
final class DynamicInsertedNode implements Node {

    private static final PropertyReader NO_FLAG = target -> Boolean.FALSE;

    private final ClassValue<PropertyReader> flags = new ClassValue<>() {
        @Override
        protected PropertyReader computeValue(Class<?> type) {
            Method accessor = PropertyResolver.insertedAccessor(type);
            if (accessor == null) {
                return NO_FLAG;
            }
            try {
                return new HandleReader(accessor.getName(), Handles.of(type, accessor));
            } catch (IllegalAccessException e) {
                return new MissingPropertyReader("INSERTED cannot read " + type.getTypeName() + "."
                        + accessor.getName() + "(): " + e.getMessage());
            }
        }
    };

    @Override
    public Object evaluate(Object[] args, Object result, long now) {
        if (result == null || result instanceof Boolean) {
            return Boolean.TRUE.equals(result);
        }
        return Boolean.TRUE.equals(flags.get(result.getClass()).read(result));
    }
}
