package dev.auditweave.agent.internal.expr;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns accessors and fields into method handles of type {@code (Object)Object}. A public method of a
 * non-public class (a package-private record, a JDK-internal collection) is not accessible as such, so the same
 * method is looked up on a public supertype first, and only then made accessible.
 */
final class Handles {

    private static final MethodType READER = MethodType.methodType(Object.class, Object.class);

    private Handles() {
    }

    /** A handle that calls {@code accessor} on instances of {@code owner}. */
    static MethodHandle of(Class<?> owner, Method accessor) throws IllegalAccessException {
        try {
            return MethodHandles.publicLookup().unreflect(accessor).asType(READER);
        } catch (IllegalAccessException notPublic) {
            MethodHandle inherited = fromPublicSupertype(owner, accessor.getName());
            if (inherited != null) {
                return inherited;
            }
            try {
                accessor.setAccessible(true);
                return MethodHandles.lookup().unreflect(accessor).asType(READER);
            } catch (RuntimeException | IllegalAccessException denied) {
                throw inaccessible(accessor.getName(), owner, denied);
            }
        }
    }

    /** A handle that reads {@code field}. */
    static MethodHandle of(Class<?> owner, Field field) throws IllegalAccessException {
        try {
            return MethodHandles.publicLookup().unreflectGetter(field).asType(READER);
        } catch (IllegalAccessException notPublic) {
            try {
                field.setAccessible(true);
                return MethodHandles.lookup().unreflectGetter(field).asType(READER);
            } catch (RuntimeException | IllegalAccessException denied) {
                throw inaccessible(field.getName(), owner, denied);
            }
        }
    }

    private static MethodHandle fromPublicSupertype(Class<?> owner, String name) {
        for (Class<?> type : supertypes(owner)) {
            if (!Modifier.isPublic(type.getModifiers())) {
                continue;
            }
            try {
                Method method = type.getMethod(name);
                if (!Modifier.isStatic(method.getModifiers())) {
                    return MethodHandles.publicLookup().unreflect(method).asType(READER);
                }
            } catch (NoSuchMethodException | IllegalAccessException e) {
                // Not declared here, or not exported either: keep looking further up.
            }
        }
        return null;
    }

    private static Set<Class<?>> supertypes(Class<?> owner) {
        Set<Class<?>> seen = new LinkedHashSet<>();
        Deque<Class<?>> pending = new ArrayDeque<>();
        pending.add(owner);
        while (!pending.isEmpty()) {
            Class<?> type = pending.poll();
            if (!seen.add(type)) {
                continue;
            }
            if (type.getSuperclass() != null) {
                pending.add(type.getSuperclass());
            }
            pending.addAll(List.of(type.getInterfaces()));
        }
        seen.remove(owner);
        return seen;
    }

    private static IllegalAccessException inaccessible(String name, Class<?> owner, Exception cause) {
        IllegalAccessException e = new IllegalAccessException("property '" + name + "' of " + owner.getTypeName()
                + " is not accessible (" + cause.getMessage() + ")");
        e.initCause(cause);
        return e;
    }
}
