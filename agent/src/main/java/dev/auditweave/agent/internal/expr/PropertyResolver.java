package dev.auditweave.agent.internal.expr;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds property {@code n} of a type, in this order: a {@code Map} key, a record component, {@code getN()},
 * {@code isN()} returning a boolean, {@code n()}, a public field. The rules work on a {@link ModelType}, so that the
 * build-time checker resolves exactly what the runtime does; used at compile time for declared types and, once per
 * class, at run time for dynamically typed values.
 */
final class PropertyResolver {

    private PropertyResolver() {
    }

    /** The member property {@code name} of {@code owner} reads, or {@code null} when there is none. */
    static ModelMember member(ModelType owner, String name) {
        if (owner.isSubtypeOf("java.util.Map")) {
            return ModelMember.mapKey(name, owner.typeArgument("java.util.Map", 1));
        }
        ModelMember found = recordComponent(owner, name);
        if (found == null) {
            found = accessor(owner, "get" + capitalize(name), false);
        }
        if (found == null) {
            found = accessor(owner, "is" + capitalize(name), true);
        }
        if (found == null) {
            found = accessor(owner, name, false);
        }
        if (found == null) {
            found = field(owner, name);
        }
        return found;
    }

    /** The {@code inserted()} or {@code isInserted()} accessor of {@code owner}, or {@code null}. */
    static ModelMember insertedMember(ModelType owner) {
        ModelMember accessor = accessor(owner, "inserted", true);
        return accessor != null ? accessor : accessor(owner, "isInserted", true);
    }

    /** "no property 'custmer' on com.acme.Event (it has: id, customer); did you mean 'customer'?" */
    static String missing(ModelType owner, String name) {
        Set<String> names = names(owner);
        return "no property '" + name + "' on " + owner.name()
                + (names.isEmpty() ? " (it has no properties)" : " (it has: " + String.join(", ", names) + ")")
                + Suggestions.didYouMean(name, names);
    }

    /** The readable properties of {@code owner}: record components in order, then the rest alphabetically. */
    static Set<String> names(ModelType owner) {
        Set<String> names = new LinkedHashSet<>();
        for (ModelMember component : owner.recordComponents()) {
            if (!component.type().is("java.lang.Class")) {
                names.add(component.name());
            }
        }
        Set<String> rest = new TreeSet<>();
        for (ModelMember method : owner.methods()) {
            if (isAccessor(method)) {
                rest.add(propertyName(method));
            }
        }
        for (ModelMember field : owner.fields()) {
            if (!field.type().is("java.lang.Class")) {
                rest.add(field.name());
            }
        }
        names.addAll(rest);
        return names;
    }

    /**
     * The reflective property {@code name} of {@code ownerType}, with its reader, or {@code null} when there is none.
     *
     * @throws IllegalAccessException when it exists but cannot be read from here
     */
    static Property find(Type ownerType, String name) throws IllegalAccessException {
        ReflectType owner = ReflectType.of(ownerType);
        ModelMember member = member(owner, name);
        return member == null ? null
                : new Property(((ReflectType) member.type()).generic(), reader(owner.raw(), name, member));
    }

    /** How to read {@code member}, found as property {@code name} of {@code owner}, through reflection. */
    static PropertyReader reader(Class<?> owner, String name, ModelMember member) throws IllegalAccessException {
        if (member.isMapKey()) {
            return new MapKeyReader(name);
        }
        if (member.source() instanceof Method method) {
            return new HandleReader(name, Handles.of(owner, method));
        }
        return new HandleReader(name, Handles.of(owner, (Field) member.source()));
    }

    /** The reflective {@code inserted()} or {@code isInserted()} accessor of {@code owner}, or {@code null}. */
    static Method insertedAccessor(Class<?> owner) {
        ModelMember member = insertedMember(ReflectType.of(owner));
        return member == null ? null : (Method) member.source();
    }

    /** {@link #missing(ModelType, String)} of a class. */
    static String missing(Class<?> owner, String name) {
        return missing(ReflectType.of(owner), name);
    }

    private static ModelMember recordComponent(ModelType owner, String name) {
        for (ModelMember component : owner.recordComponents()) {
            if (component.name().equals(name) && !component.type().is("java.lang.Class")) {
                return component;
            }
        }
        return null;
    }

    private static ModelMember accessor(ModelType owner, String methodName, boolean booleanOnly) {
        ModelMember found = null;
        for (ModelMember method : owner.methods()) {
            if (!method.name().equals(methodName) || !isAccessor(method)) {
                continue;
            }
            if (booleanOnly && !returnsBoolean(method)) {
                continue;
            }
            // Interfaces may declare the same accessor with a wider return type: keep the most specific one.
            if (found == null || method.type().is(found.type().name())
                    || method.type().isSubtypeOf(found.type().name())) {
                found = method;
            }
        }
        return found;
    }

    private static boolean isAccessor(ModelMember method) {
        return !method.type().is("void")
                // No class references: getClass() and getDeclaringClass() must not open a way to reflection.
                && !method.type().is("java.lang.Class")
                && !isObjectMethod(method.name());
    }

    private static boolean returnsBoolean(ModelMember method) {
        return method.type().is("boolean") || method.type().is("java.lang.Boolean");
    }

    private static boolean isObjectMethod(String name) {
        return name.equals("hashCode") || name.equals("toString") || name.equals("clone");
    }

    private static ModelMember field(ModelType owner, String name) {
        for (ModelMember field : owner.fields()) {
            if (field.name().equals(name) && !field.type().is("java.lang.Class")) {
                return field;
            }
        }
        return null;
    }

    private static String propertyName(ModelMember accessor) {
        String name = accessor.name();
        if (name.length() > 3 && name.startsWith("get") && Character.isUpperCase(name.charAt(3))) {
            return decapitalize(name.substring(3));
        }
        if (returnsBoolean(accessor) && name.length() > 2 && name.startsWith("is") && Character.isUpperCase(name.charAt(2))) {
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
