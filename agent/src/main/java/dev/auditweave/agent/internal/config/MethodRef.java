package dev.auditweave.agent.internal.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A method named in configuration: {@code com.acme.Foo#bar(java.lang.String, int)}, or {@code com.acme.Foo#bar}
 * for every overload of {@code bar}. Class and parameter types are binary names as {@link Class#getTypeName()}
 * writes them ({@code java.lang.String[]}, a nested class {@code com.acme.Outer$Inner}).
 *
 * <pre>{@code
 * MethodRef ref = MethodRef.parse("org.springframework.security.authentication.AuthenticationEventPublisher"
 *         + "#publishAuthenticationSuccess(org.springframework.security.core.Authentication)");
 * ref.className();       // "org.springframework.security.authentication.AuthenticationEventPublisher"
 * ref.parameterTypes();  // ["org.springframework.security.core.Authentication"]
 * }</pre>
 *
 * @param className      the class or interface that declares the method
 * @param methodName     the method's name
 * @param parameterTypes the parameter types, in order; {@code null} for "any overload"
 */
public record MethodRef(String className, String methodName, List<String> parameterTypes) {

    /** What a valid reference looks like, for messages. */
    public static final String EXPECTED = "a method as com.acme.Type#method(java.lang.String, int), or"
            + " com.acme.Type#method for every overload";

    private static final Pattern CLASS = Pattern.compile("[\\p{L}_$][\\p{L}\\p{N}_$]*(\\.[\\p{L}_$][\\p{L}\\p{N}_$]*)*");
    private static final Pattern METHOD = Pattern.compile("[\\p{L}_$][\\p{L}\\p{N}_$]*");
    private static final List<String> PRIMITIVES =
            List.of("boolean", "byte", "char", "short", "int", "long", "float", "double");
    private static final Pattern PARAMETER = Pattern.compile(CLASS.pattern() + "(\\[])*");

    public MethodRef {
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(methodName, "methodName");
        parameterTypes = parameterTypes == null ? null : List.copyOf(parameterTypes);
    }

    /**
     * Parses {@code text}.
     *
     * @throws IllegalArgumentException naming what is wrong with it
     */
    public static MethodRef parse(String text) {
        String trimmed = text.strip();
        int hash = trimmed.indexOf('#');
        if (hash <= 0) {
            throw new IllegalArgumentException("expected " + EXPECTED + ": no '#' between the type and the method");
        }
        String type = trimmed.substring(0, hash);
        if (!CLASS.matcher(type).matches()) {
            throw new IllegalArgumentException("expected " + EXPECTED + ": '" + type + "' is not a class name");
        }
        String rest = trimmed.substring(hash + 1);
        int open = rest.indexOf('(');
        String name = open < 0 ? rest : rest.substring(0, open).strip();
        if (!METHOD.matcher(name).matches()) {
            throw new IllegalArgumentException("expected " + EXPECTED + ": '" + name + "' is not a method name");
        }
        if (open < 0) {
            return new MethodRef(type, name, null);
        }
        if (!rest.endsWith(")")) {
            throw new IllegalArgumentException("expected " + EXPECTED + ": the parameter list has no closing ')'");
        }
        String list = rest.substring(open + 1, rest.length() - 1).strip();
        List<String> parameters = new ArrayList<>();
        if (!list.isEmpty()) {
            for (String part : list.split(",", -1)) {
                String parameter = part.replace(" ", "").strip();
                if (!PARAMETER.matcher(parameter).matches()) {
                    throw new IllegalArgumentException("expected " + EXPECTED + ": '" + part.strip()
                            + "' is not a parameter type");
                }
                String base = parameter.replace("[]", "");
                if (base.indexOf('.') < 0 && !PRIMITIVES.contains(base)) {
                    throw new IllegalArgumentException("expected " + EXPECTED + ": parameter type '" + base
                            + "' must be written with its package, such as java.lang." + base);
                }
                parameters.add(parameter);
            }
        }
        return new MethodRef(type, name, parameters);
    }

    /** Whether a method named {@code name} with these parameter type names (as {@link Class#getTypeName()}) is meant. */
    public boolean matches(String name, List<String> parameterTypeNames) {
        return methodName.equals(name) && (parameterTypes == null || parameterTypes.equals(parameterTypeNames));
    }

    /** As written in configuration: {@code com.acme.Foo#bar(java.lang.String)}. */
    @Override
    public String toString() {
        return className + "#" + methodName + (parameterTypes == null ? "" : "(" + String.join(", ", parameterTypes) + ")");
    }
}
