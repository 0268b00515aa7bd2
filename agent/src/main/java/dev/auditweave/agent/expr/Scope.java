package dev.auditweave.agent.expr;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What an expression may refer to: a method's parameters (names and generic types) and its return type.
 * Immutable.
 *
 * <pre>{@code
 * Scope scope = Scope.of(UserService.class.getMethod("blockUser", String.class, String.class));
 * Scope same = Scope.of("com.acme.UserService.blockUser(String, String)", List.of("userId", "reason"),
 *         List.of(String.class, String.class), int.class);
 * }</pre>
 */
public final class Scope {

    private final String description;
    private final List<String> parameterNames;
    private final List<Type> parameterTypes;
    private final Type resultType;

    private Scope(String description, List<String> parameterNames, List<Type> parameterTypes, Type resultType) {
        this.description = description;
        this.parameterNames = parameterNames;
        this.parameterTypes = parameterTypes;
        this.resultType = resultType;
    }

    /**
     * The scope of {@code method}. Parameter names are used only when the class was compiled with
     * {@code -parameters}; otherwise expressions must use {@code args[i]}.
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
        return of(description, names, Arrays.asList(method.getGenericParameterTypes()), method.getGenericReturnType());
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
        List<Type> types = List.copyOf(parameterTypes);
        if (parameterNames != null && parameterNames.size() != types.size()) {
            throw new IllegalArgumentException(parameterNames.size() + " parameter names for "
                    + types.size() + " parameter types of " + description);
        }
        // Without parameters there is nothing to name, so missing names must not produce the -parameters hint.
        List<String> names = parameterNames == null && !types.isEmpty() ? null
                : List.copyOf(parameterNames == null ? List.of() : parameterNames);
        return new Scope(description, names, types, resultType);
    }

    /** How problems name the method, for example {@code "com.acme.UserService.blockUser(String, String)"}. */
    public String description() {
        return description;
    }

    /** The parameter names, or {@code null} when the class was compiled without {@code -parameters}. */
    List<String> parameterNames() {
        return parameterNames;
    }

    List<Type> parameterTypes() {
        return parameterTypes;
    }

    Type resultType() {
        return resultType;
    }

    /**
     * Where {@code ACTOR} travels in the arguments array: the slot after the last parameter. Capture appends the
     * resolved actor there only for the calls of annotations that read it.
     */
    int actorSlot() {
        return parameterTypes.size();
    }

    @Override
    public String toString() {
        return description;
    }
}
