package dev.auditweave.agent.internal.expr;

import java.lang.reflect.Array;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.GenericDeclaration;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.Arrays;

/** The few operations on generic types the checker needs: erasure and type-argument resolution. */
final class Types {

    private Types() {
    }

    /** The class a value of {@code type} is an instance of; a type variable counts as {@code Object} (dynamic). */
    static Class<?> erasure(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return erasure(p.getRawType());
        }
        if (type instanceof GenericArrayType a) {
            return Array.newInstance(erasure(a.getGenericComponentType()), 0).getClass();
        }
        if (type instanceof WildcardType w) {
            return erasure(w.getUpperBounds()[0]);
        }
        return Object.class;
    }

    /**
     * The actual argument for {@code target}'s type parameter number {@code index} as seen from {@code type},
     * for example {@code Foo} for {@code Map}'s {@code V} (index 1) seen from {@code HashMap<String, Foo>}.
     * {@code Object.class} when it cannot be told (a raw type).
     */
    static Type typeArgument(Type type, Class<?> target, int index) {
        Type found = find(type, target, index);
        return found == null ? Object.class : found;
    }

    /**
     * A member's declared type as seen from its owner's type: for {@code T payload()} declared by
     * {@code Envelope<T>}, {@code Foo} when the owner is {@code Envelope<Foo>}.
     */
    static Type resolve(Type memberType, Type ownerType) {
        if (memberType instanceof TypeVariable<?> variable
                && variable.getGenericDeclaration() instanceof Class<?> declaring) {
            return typeArgument(ownerType, declaring, indexOf(declaring, variable));
        }
        return memberType;
    }

    private static Type find(Type type, Class<?> target, int index) {
        Class<?> raw = erasure(type);
        if (!target.isAssignableFrom(raw)) {
            return null;
        }
        if (raw == target) {
            return type instanceof ParameterizedType p ? p.getActualTypeArguments()[index] : Object.class;
        }
        Type superclass = raw.getGenericSuperclass();
        Type[] interfaces = raw.getGenericInterfaces();
        Type[] supertypes = superclass == null ? interfaces : prepend(superclass, interfaces);
        for (Type supertype : supertypes) {
            Type found = find(supertype, target, index);
            if (found == null) {
                continue;
            }
            if (found instanceof TypeVariable<?> variable && variable.getGenericDeclaration() == raw) {
                return type instanceof ParameterizedType p
                        ? p.getActualTypeArguments()[indexOf(raw, variable)] : Object.class;
            }
            return found;
        }
        return null;
    }

    private static Type[] prepend(Type first, Type[] rest) {
        Type[] all = new Type[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    private static int indexOf(GenericDeclaration declaration, TypeVariable<?> variable) {
        return Arrays.asList(declaration.getTypeParameters()).indexOf(variable);
    }
}
