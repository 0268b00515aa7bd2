package dev.auditweave.agent.expr;

import java.lang.reflect.Type;

/**
 * What the checker knows about an expression's value before it runs.
 *
 * @param generic the declared generic type, kept so that {@code Map<String, Foo>} yields {@code Foo}
 * @param raw     its erasure
 * @param kind    the category that decides which operators apply
 */
record StaticType(Type generic, Class<?> raw, Kind kind) {

    enum Kind {
        /** Declared as {@code Object} or a type variable: checked at run time. */
        DYNAMIC,
        BOOLEAN,
        NUMBER,
        STRING,
        ENUM,
        /** The literal {@code null}. */
        NULL,
        VOID,
        OTHER
    }

    static final StaticType DYNAMIC = of(Object.class);
    static final StaticType NULL = new StaticType(Void.class, Void.class, Kind.NULL);
    static final StaticType BOOLEAN = of(Boolean.class);
    static final StaticType LONG = of(long.class);
    static final StaticType NUMBER = of(Number.class);
    static final StaticType STRING = of(String.class);

    static StaticType of(Type type) {
        Class<?> raw = Types.erasure(type);
        return new StaticType(type, raw, kindOf(raw));
    }

    private static Kind kindOf(Class<?> raw) {
        if (raw == Object.class) {
            return Kind.DYNAMIC;
        }
        if (raw == void.class) {
            return Kind.VOID;
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return Kind.BOOLEAN;
        }
        if (Number.class.isAssignableFrom(boxed(raw))) {
            return Kind.NUMBER;
        }
        if (raw == String.class) {
            return Kind.STRING;
        }
        if (Enum.class.isAssignableFrom(raw)) {
            return Kind.ENUM;
        }
        return Kind.OTHER;
    }

    /** The wrapper class of a primitive, else {@code type} itself. */
    static Class<?> boxed(Class<?> type) {
        if (!type.isPrimitive()) {
            return type;
        }
        if (type == int.class) {
            return Integer.class;
        }
        if (type == long.class) {
            return Long.class;
        }
        if (type == double.class) {
            return Double.class;
        }
        if (type == float.class) {
            return Float.class;
        }
        if (type == short.class) {
            return Short.class;
        }
        if (type == byte.class) {
            return Byte.class;
        }
        if (type == char.class) {
            return Character.class;
        }
        if (type == boolean.class) {
            return Boolean.class;
        }
        return Void.class;
    }

    boolean is(Kind other) {
        return kind == other;
    }

    /** Whether a value of this type may be used where {@code wanted} is needed, leaving the rest to run time. */
    boolean fits(Kind wanted) {
        return kind == wanted || kind == Kind.DYNAMIC;
    }


    /** For messages: "a number", "a String", "a com.acme.User". */
    String describe() {
        switch (kind) {
            case NUMBER:
                return "a number";
            case BOOLEAN:
                return "a boolean";
            case STRING:
                return "a String";
            case NULL:
                return "always null";
            default:
                String name = raw.getTypeName();
                return ("AEIOU".indexOf(Character.toUpperCase(name.charAt(0))) >= 0 ? "an " : "a ") + name;
        }
    }
}
