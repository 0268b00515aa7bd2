package dev.auditweave.agent.internal.expr;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** A {@link ModelType} read through {@code java.lang.reflect}. */
final class ReflectType implements ModelType {

    private final Type generic;
    private final Class<?> raw;

    private ReflectType(Type generic) {
        this.generic = generic;
        this.raw = Types.erasure(generic);
    }

    static ReflectType of(Type type) {
        return new ReflectType(type);
    }

    /** The generic type. */
    Type generic() {
        return generic;
    }

    /** Its erasure. */
    Class<?> raw() {
        return raw;
    }

    @Override
    public String name() {
        return raw.getTypeName();
    }

    @Override
    public String genericName() {
        return generic.getTypeName();
    }

    @Override
    public String simpleName() {
        return simpleName(generic);
    }

    private static String simpleName(Type type) {
        if (type instanceof Class<?> c) {
            return c.getSimpleName().isEmpty() ? c.getName() : c.getSimpleName();
        }
        if (type instanceof ParameterizedType p) {
            return simpleName(p.getRawType()) + Arrays.stream(p.getActualTypeArguments())
                    .map(ReflectType::simpleName).collect(Collectors.joining(", ", "<", ">"));
        }
        return type.getTypeName();
    }

    @Override
    public boolean is(String className) {
        return raw.getName().equals(className) || raw.getTypeName().equals(className);
    }

    @Override
    public boolean isSubtypeOf(String className) {
        return className.equals("java.lang.Object") || raw.getTypeName().equals(className)
                || subtype(StaticType.boxed(raw), className);
    }

    private static boolean subtype(Class<?> type, String className) {
        if (type == null) {
            return false;
        }
        if (type.getName().equals(className)) {
            return true;
        }
        for (Class<?> implemented : type.getInterfaces()) {
            if (subtype(implemented, className)) {
                return true;
            }
        }
        return subtype(type.getSuperclass(), className);
    }

    @Override
    public boolean isInterface() {
        return StaticType.boxed(raw).isInterface();
    }

    @Override
    public boolean isFinal() {
        return Modifier.isFinal(StaticType.boxed(raw).getModifiers());
    }

    @Override
    public boolean isRecord() {
        return raw.isRecord();
    }

    @Override
    public ModelType typeArgument(String className, int index) {
        Class<?> target = supertype(raw, className);
        return of(target == null ? Object.class : Types.typeArgument(generic, target, index));
    }

    private static Class<?> supertype(Class<?> type, String className) {
        if (type == null) {
            return null;
        }
        if (type.getName().equals(className)) {
            return type;
        }
        for (Class<?> implemented : type.getInterfaces()) {
            Class<?> found = supertype(implemented, className);
            if (found != null) {
                return found;
            }
        }
        return supertype(type.getSuperclass(), className);
    }

    @Override
    public List<ModelMember> recordComponents() {
        if (!raw.isRecord()) {
            return List.of();
        }
        List<ModelMember> components = new ArrayList<>();
        for (RecordComponent component : raw.getRecordComponents()) {
            Method accessor = component.getAccessor();
            components.add(new ModelMember(component.getName(),
                    of(Types.resolve(accessor.getGenericReturnType(), generic)), accessor));
        }
        return components;
    }

    @Override
    public List<ModelMember> methods() {
        List<ModelMember> methods = new ArrayList<>();
        for (Method method : raw.getMethods()) {
            if (method.getParameterCount() == 0 && !Modifier.isStatic(method.getModifiers()) && !method.isBridge()) {
                methods.add(new ModelMember(method.getName(), of(Types.resolve(method.getGenericReturnType(), generic)),
                        method));
            }
        }
        return methods;
    }

    @Override
    public List<ModelMember> fields() {
        List<ModelMember> fields = new ArrayList<>();
        for (Field field : raw.getFields()) {
            if (!Modifier.isStatic(field.getModifiers())) {
                fields.add(new ModelMember(field.getName(), of(Types.resolve(field.getGenericType(), generic)), field));
            }
        }
        return fields;
    }

    @Override
    public List<String> enumConstants() {
        Class<?> type = raw;
        while (type != null && !type.isEnum()) {
            type = type.getSuperclass();
        }
        if (type == null) {
            return List.of();
        }
        return Arrays.stream(type.getEnumConstants()).map(constant -> ((Enum<?>) constant).name()).toList();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ReflectType that && generic.equals(that.generic);
    }

    @Override
    public int hashCode() {
        return generic.hashCode();
    }

    @Override
    public String toString() {
        return generic.getTypeName();
    }
}
