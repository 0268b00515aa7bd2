package dev.auditweave.agent.internal.expr;

import java.lang.invoke.MethodHandle;

/** Reads a property through an accessor or field getter, already adapted to {@code (Object)Object}. */
final class HandleReader implements PropertyReader {

    private final String name;
    private final MethodHandle handle;

    HandleReader(String name, MethodHandle handle) {
        this.name = name;
        this.handle = handle;
    }

    @Override
    public Object read(Object target) {
        try {
            return (Object) handle.invokeExact(target);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new ExpressionEvaluationException("reading property '" + name + "' of "
                    + target.getClass().getName() + " threw " + t, t);
        }
    }
}
