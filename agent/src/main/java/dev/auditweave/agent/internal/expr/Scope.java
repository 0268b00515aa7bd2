package dev.auditweave.agent.internal.expr;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;

/**
 * What an expression may refer to: a method's parameters (names and generic types), its result and the way out of
 * the method the annotation fires on. The result of a method that returns a {@code CompletionStage} is the value
 * the stage completes with ({@code CompletableFuture<Integer>}: an {@code Integer}; a raw one: dynamically typed),
 * as for a Reactor {@code Mono}; of a Reactor {@code Flux}, the number of elements it emitted (see {@link Completion}).
 * In the scope of an {@code on = Outcome.THROWN} annotation ({@link #onThrown()}) the root {@code THROWN} is the
 * exception and the result does not exist. Immutable.
 *
 * <pre>{@code
 * Scope scope = Scope.of(UserService.class.getMethod("blockUser", String.class, String.class));
 * Scope same = Scope.of("com.acme.UserService.blockUser(String, String)", List.of("userId", "reason"),
 *         List.of(String.class, String.class), int.class);
 * }</pre>
 */
public final class Scope {

    private final MethodSignature<Type> signature;

    private Scope(MethodSignature<Type> signature) {
        this.signature = signature;
    }

    /**
     * The scope of {@code method}, for an annotation that fires on a normal return. Parameter names are used only
     * when the class was compiled with {@code -parameters}; otherwise expressions must use {@code args[i]}. When
     * the method completes later ({@link Completion#of}), the result is what it completes with: the value of a
     * {@code CompletionStage} or a {@code Mono}, the element count of a {@code Flux}.
     */
    public static Scope of(Method method) {
        Parameter[] parameters = method.getParameters();
        List<String> names = new ArrayList<>(parameters.length);
        for (Parameter parameter : parameters) {
            if (!parameter.isNamePresent()) {
                names = null;
                break;
            }
            names.add(parameter.getName());
        }
        String description = method.getDeclaringClass().getName() + "." + method.getName()
                + Arrays.stream(method.getParameterTypes()).map(Class::getSimpleName)
                        .collect(Collectors.joining(", ", "(", ")"));
        Scope scope = of(description, names, Arrays.asList(method.getGenericParameterTypes()),
                method.getGenericReturnType());
        Completion completion = Completion.of(method.getReturnType());
        Type value = switch (completion) {
            case RETURN -> null;
            case STAGE -> Types.typeArgument(method.getGenericReturnType(), CompletionStage.class, 0);
            case MONO -> Types.typeArgument(method.getGenericReturnType(),
                    Completion.reactorBase(method.getReturnType()), 0);
            case FLUX -> long.class;
        };
        return value == null ? scope : new Scope(scope.signature.completingWith(value, completion));
    }

    /**
     * This scope as an {@code on = Outcome.THROWN} annotation sees it: {@code THROWN} is the exception (with
     * {@code type}, {@code className} and {@code message}), while {@code result}, {@code RESULT},
     * {@code RETURNED_ROWS} and {@code INSERTED} are errors, since a method that threw returned nothing.
     */
    public Scope onThrown() {
        return signature.thrown() ? this : new Scope(signature.onThrown());
    }

    /**
     * A scope described explicitly.
     *
     * @param description    how problems name the method, for example {@code "com.acme.UserService.blockUser(String, String)"}
     * @param parameterNames the parameter names, or {@code null} when they are not available
     * @param parameterTypes the generic parameter types
     * @param resultType     the generic return type, {@code void.class} for a void method
     */
    public static Scope of(String description, List<String> parameterNames, List<Type> parameterTypes,
                           Type resultType) {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(resultType, "resultType");
        return new Scope(MethodSignature.returning(description, parameterNames, parameterTypes, resultType));
    }

    /** How problems name the method, for example {@code "com.acme.UserService.blockUser(String, String)"}. */
    public String description() {
        return signature.description();
    }

    /** The parameters, the result and the way out, in reflective types; the checker sees them through a model. */
    MethodSignature<Type> signature() {
        return signature;
    }

    @Override
    public String toString() {
        return signature.description();
    }
}
