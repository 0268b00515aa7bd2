package dev.auditweave.agent.internal.expr;

/**
 * What the checker knows about an expression's value before it runs.
 *
 * @param type the declared type, kept generic so that {@code Map<String, Foo>} yields {@code Foo}
 * @param kind the category that decides which operators apply
 */
record StaticType(ModelType type, Kind kind) {

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

    static StaticType of(ModelType type) {
        return new StaticType(type, kindOf(type));
    }

    /** The type of the literal {@code null}. */
    static StaticType nullType(TypeModel model) {
        return new StaticType(model.type(Void.class), Kind.NULL);
    }

    private static Kind kindOf(ModelType type) {
        if (type.is("java.lang.Object")) {
            return Kind.DYNAMIC;
        }
        if (type.is("void")) {
            return Kind.VOID;
        }
        if (type.is("boolean") || type.is("java.lang.Boolean")) {
            return Kind.BOOLEAN;
        }
        if (type.isSubtypeOf("java.lang.Number")) {
            return Kind.NUMBER;
        }
        if (type.is("java.lang.String")) {
            return Kind.STRING;
        }
        if (type.isSubtypeOf("java.lang.Enum")) {
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

    /** The name of the wrapper class of a primitive type named {@code name}, else {@code name} itself. */
    static String boxedName(String name) {
        return switch (name) {
            case "int" -> "java.lang.Integer";
            case "long" -> "java.lang.Long";
            case "double" -> "java.lang.Double";
            case "float" -> "java.lang.Float";
            case "short" -> "java.lang.Short";
            case "byte" -> "java.lang.Byte";
            case "char" -> "java.lang.Character";
            case "boolean" -> "java.lang.Boolean";
            case "void" -> "java.lang.Void";
            default -> name;
        };
    }

    boolean is(Kind other) {
        return kind == other;
    }

    /** Whether a value of this type may be used where {@code wanted} is needed, leaving the rest to run time. */
    boolean fits(Kind wanted) {
        return kind == wanted || kind == Kind.DYNAMIC;
    }

    /** Whether a value of {@code other}'s type, primitives boxed, is always one of this type. */
    boolean accepts(StaticType other) {
        return other.type.isSubtypeOf(boxedName(type.name()));
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
                String name = type.name();
                return ("AEIOU".indexOf(Character.toUpperCase(name.charAt(0))) >= 0 ? "an " : "a ") + name;
        }
    }
}
