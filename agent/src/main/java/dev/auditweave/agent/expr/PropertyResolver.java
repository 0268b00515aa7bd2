package dev.auditweave.agent.expr;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds property {@code n} of a type, in this order: a {@code Map} key, a record component, {@code getN()},
 * {@code isN()} returning a boolean, {@code n()}, a public field. Used at compile time for declared types and,
 * once per class, at run time for dynamically typed values.
 */
final class PropertyResolver {

    private PropertyResolver() {
    }

    /**
     * The property {@code name} of {@code ownerType}, or {@code null} when there is none.
     *
     * @throws IllegalAccessException when it exists but cannot be read from here
     */
    static Property find(Type ownerType, String name) throws IllegalAccessException {
        Class<?> owner = Types.erasure(ownerType);
        if (Map.class.isAssignableFrom(owner)) {
            return new Property(Types.typeArgument(ownerType, Map.class, 1), new MapKeyReader(name));
        }
        Method accessor = recordAccessor(owner, name);
        if (accessor == null) {
            accessor = accessor(owner, "get" + capitalize(name), false);
        }
        if (accessor == null) {
            accessor = accessor(owner, "is" + capitalize(name), true);
        }
        if (accessor == null) {
            accessor = accessor(owner, name, false);
        }
        if (accessor != null) {
            return new Property(Types.resolve(accessor.getGenericReturnType(), ownerType),
                    new HandleReader(name, Handles.of(owner, accessor)));
        }
        Field field = field(owner, name);
        if (field != null) {
            return new Property(Types.resolve(field.getGenericType(), ownerType),
                    new HandleReader(name, Handles.of(owner, field)));
        }
        return null;
    }

    /** The {@code inserted()} or {@code isInserted()} accessor of {@code owner}, or {@code null}. */
    static Method insertedAccessor(Class<?> owner) {
        Method accessor = accessor(owner, "inserted", true);
        return accessor != null ? accessor : accessor(owner, "isInserted", true);
    }

    /** "no property 'custmer' on com.acme.Event (it has: id, customer); did you mean 'customer'?" */
    static String missing(Class<?> owner, String name) {
        Set<String> names = names(owner);
        return "no property '" + name + "' on " + owner.getTypeName()
                + (names.isEmpty() ? " (it has no properties)" : " (it has: " + String.join(", ", names) + ")")
                + Suggestions.didYouMean(name, names);
    }

    /** The readable properties of {@code owner}: record components in order, then the rest alphabetically. */
    static Set<String> names(Class<?> owner) {
        Set<String> names = new LinkedHashSet<>();
        if (owner.isRecord()) {
            for (RecordComponent component : owner.getRecordComponents()) {
                if (component.getType() != Class.class) {
                    names.add(component.getName());
                }
            }
        }
        Set<String> rest = new TreeSet<>();
        for (Method method : owner.getMethods()) {
            if (isAccessor(method)) {
                rest.add(propertyName(method));
            }
        }
        for (Field field : owner.getFields()) {
            if (isReadable(field)) {
                rest.add(field.getName());
            }
        }
        names.addAll(rest);
        return names;
    }

    private static Method recordAccessor(Class<?> owner, String name) {
        if (!owner.isRecord()) {
            return null;
        }
        for (RecordComponent component : owner.getRecordComponents()) {
            if (component.getName().equals(name) && component.getType() != Class.class) {
                return component.getAccessor();
            }
        }
        return null;
    }

    private static Method accessor(Class<?> owner, String methodName, boolean booleanOnly) {
        Method found = null;
        for (Method method : owner.getMethods()) {
            if (!method.getName().equals(methodName) || !isAccessor(method)) {
                continue;
            }
            if (booleanOnly && method.getReturnType() != boolean.class && method.getReturnType() != Boolean.class) {
                continue;
            }
            // Interfaces may declare the same accessor with a wider return type: keep the most specific one.
            if (found == null || found.getReturnType().isAssignableFrom(method.getReturnType())) {
                found = method;
            }
        }
        return found;
    }

    private static boolean isAccessor(Method method) {
        return method.getParameterCount() == 0
                && !Modifier.isStatic(method.getModifiers())
                && !method.isBridge()
                && method.getReturnType() != void.class
                // No class references: getClass() and getDeclaringClass() must not open a way to reflection.
                && method.getReturnType() != Class.class
                && !isObjectMethod(method.getName());
    }

    private static boolean isObjectMethod(String name) {
        return name.equals("hashCode") || name.equals("toString") || name.equals("clone");
    }

    private static Field field(Class<?> owner, String name) {
        for (Field field : owner.getFields()) {
            if (field.getName().equals(name) && isReadable(field)) {
                return field;
            }
        }
        return null;
    }

    private static boolean isReadable(Field field) {
        return !Modifier.isStatic(field.getModifiers()) && field.getType() != Class.class;
    }

    private static String propertyName(Method accessor) {
        String name = accessor.getName();
        if (name.length() > 3 && name.startsWith("get") && Character.isUpperCase(name.charAt(3))) {
            return decapitalize(name.substring(3));
        }
        boolean returnsBoolean = accessor.getReturnType() == boolean.class || accessor.getReturnType() == Boolean.class;
        if (returnsBoolean && name.length() > 2 && name.startsWith("is") && Character.isUpperCase(name.charAt(2))) {
            return decapitalize(name.substring(2));
        }
        return name;
    }

    private static String capitalize(String name) {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /** As java.beans does it: {@code URL} stays {@code URL}, so that {@code getURL()} reads as {@code URL}. */
    private static String decapitalize(String name) {
        if (name.length() > 1 && Character.isUpperCase(name.charAt(1))) {
            return name;
        }
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
