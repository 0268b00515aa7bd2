package dev.auditweave.agent.internal.expr;

import java.util.List;
import java.util.function.Function;

/**
 * The part of a method an expression may refer to, whatever represents its types: its parameters (names and types),
 * its result and the way out of the method the annotation fires on. {@link Scope} holds one of reflective types,
 * {@link ModelScope} one of a {@link TypeModel}'s. Immutable.
 *
 * @param description    how problems name the method, for example {@code "com.acme.UserService.blockUser(String, String)"}
 * @param parameterNames the parameter names, or {@code null} when they are not available
 * @param parameterTypes the parameter types
 * @param resultType     the type of the result: the return type, or what the returned value completes with
 * @param completion     when the annotations fire: at the return, or when the returned stage or publisher completes
 * @param thrown         whether this is the scope of an {@code on = Outcome.THROWN} annotation, in which
 *                       {@code THROWN} exists and the result does not
 * @param <T>            what represents a type
 */
record MethodSignature<T>(String description, List<String> parameterNames, List<T> parameterTypes, T resultType,
                          Completion completion, boolean thrown) {

    /**
     * The signature of a method that returns {@code returnType}, checked: as many names as types, if any.
     *
     * @throws IllegalArgumentException when the names do not match the types
     */
    static <T> MethodSignature<T> returning(String description, List<String> parameterNames, List<T> parameterTypes,
                                            T returnType) {
        List<T> types = List.copyOf(parameterTypes);
        if (parameterNames != null && parameterNames.size() != types.size()) {
            throw new IllegalArgumentException(parameterNames.size() + " parameter names for "
                    + types.size() + " parameter types of " + description);
        }
        // Without parameters there is nothing to name, so missing names must not produce the -parameters hint.
        List<String> names = parameterNames == null && !types.isEmpty() ? null
                : List.copyOf(parameterNames == null ? List.of() : parameterNames);
        return new MethodSignature<>(description, names, types, returnType, Completion.RETURN, false);
    }

    /** This signature for a method that completes later ({@code completion}) with a value of {@code valueType}. */
    MethodSignature<T> completingWith(T valueType, Completion completion) {
        return new MethodSignature<>(description, parameterNames, parameterTypes, valueType, completion, thrown);
    }

    /** This signature as an {@code on = Outcome.THROWN} annotation sees it. */
    MethodSignature<T> onThrown() {
        return thrown ? this : new MethodSignature<>(description, parameterNames, parameterTypes, resultType,
                completion, true);
    }

    /** The same signature with every type seen through {@code view}. */
    <U> MethodSignature<U> map(Function<? super T, ? extends U> view) {
        List<U> types = parameterTypes.stream().<U>map(view).toList();
        return new MethodSignature<>(description, parameterNames, types, view.apply(resultType), completion, thrown);
    }

    /**
     * Where {@code ACTOR} travels in the arguments array: the slot after the last parameter. Capture appends the
     * resolved actor there only for the calls of annotations that read it.
     */
    int actorSlot() {
        return parameterTypes.size();
    }
}
