package dev.auditweave.agent.internal.expr;

import java.util.List;

/**
 * One type as the expression checker sees it, whichever model it comes from: {@code java.lang.reflect} when the
 * runtime compiles a plan ({@link ReflectionModel}), {@code javax.lang.model} when {@code auditweave-processor}
 * checks the annotations at build time. The checker asks only these questions, and decides everything else (which
 * property a path reads, which operators apply, every message) in code shared by both, so that build time and run
 * time cannot disagree.
 *
 * <pre>{@code
 * ModelType user = ReflectionModel.INSTANCE.type(User.class);
 * user.name();                             // "com.acme.User"
 * user.isSubtypeOf("java.lang.Comparable"); // false
 * }</pre>
 *
 * <p>Class names are binary names ({@code com.acme.Outer$Inner}); primitives are named by their keyword
 * ({@code int}, {@code void}). A type variable is seen as {@code java.lang.Object}, its erasure for the checker.
 */
public interface ModelType {

    /** The erased type as {@link Class#getTypeName()} writes it: {@code int}, {@code com.acme.Outer$Inner}, {@code int[]}. */
    String name();

    /** The generic type as {@link java.lang.reflect.Type#getTypeName()} writes it: {@code java.util.List<com.acme.User>}. */
    String genericName();

    /** The type as it is written in source, without packages: {@code String}, {@code List<User>}, {@code int[]}. */
    String simpleName();

    /** Whether the erased type is the class (or primitive) named {@code className}. */
    boolean is(String className);

    /**
     * Whether the erased type, a primitive boxed, is the class or interface named {@code className} or a subtype of
     * it; every reference type is a subtype of {@code java.lang.Object}.
     */
    boolean isSubtypeOf(String className);

    /** Whether the erased type, a primitive boxed, is an interface. */
    boolean isInterface();

    /** Whether the erased type, a primitive boxed, is final (so no subclass can implement an interface). */
    boolean isFinal();

    /** Whether the type is a record. */
    boolean isRecord();

    /**
     * The actual argument for type parameter number {@code index} of the class or interface named {@code className},
     * as seen from this type; {@code java.lang.Object} when it cannot be told (a raw type).
     */
    ModelType typeArgument(String className, int index);

    /** The record components in declaration order, their types as seen from this type; empty for other types. */
    List<ModelMember> recordComponents();

    /**
     * The public instance methods without parameters, declared or inherited, bridges left out, each with its return
     * type as seen from this type.
     */
    List<ModelMember> methods();

    /** The public instance fields, declared or inherited, each with its type as seen from this type. */
    List<ModelMember> fields();

    /** The names of the constants of an enum type, in declaration order; empty for other types. */
    List<String> enumConstants();
}
