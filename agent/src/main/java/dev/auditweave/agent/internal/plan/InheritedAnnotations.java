package dev.auditweave.agent.internal.plan;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * Which method's {@code @EmitsAbuseEvent} annotations apply to a method: its own when it has any (an own
 * annotation wins over an inherited one), else those of the nearest method it overrides or implements, superclass
 * chain first, then interfaces breadth-first. So an annotation on an interface or abstract method applies to
 * every implementation, a Spring Data repository's JDK proxy included.
 *
 * <pre>{@code
 * Method source = InheritedAnnotations.source(UserServiceImpl.class.getMethod("blockUser", String.class));
 * // UserService.blockUser(String) when only the interface carries the annotation
 * }</pre>
 */
public final class InheritedAnnotations {

    private InheritedAnnotations() {
    }

    /** The method whose annotations apply to {@code method}, or {@code null} when none does. */
    public static Method source(Method method) {
        if (AnnotationReader.isAnnotated(method)) {
            return method;
        }
        if (Modifier.isStatic(method.getModifiers()) || Modifier.isPrivate(method.getModifiers())) {
            return null;
        }
        Class<?>[] parameters = method.getParameterTypes();
        Deque<Class<?>> pending = new ArrayDeque<>();
        Set<Class<?>> seen = new HashSet<>();
        Class<?> declaring = method.getDeclaringClass();
        for (Class<?> type = declaring.getSuperclass(); type != null; type = type.getSuperclass()) {
            Method candidate = declared(type, method.getName(), parameters);
            if (candidate != null && AnnotationReader.isAnnotated(candidate) && overrides(method, candidate)) {
                return candidate;
            }
        }
        for (Class<?> type = declaring; type != null; type = type.getSuperclass()) {
            pending.addAll(Arrays.asList(type.getInterfaces()));
        }
        while (!pending.isEmpty()) {
            Class<?> type = pending.removeFirst();
            if (seen.add(type)) {
                Method candidate = declared(type, method.getName(), parameters);
                if (candidate != null && AnnotationReader.isAnnotated(candidate)
                        && !Modifier.isStatic(candidate.getModifiers())) {
                    return candidate;
                }
                pending.addAll(Arrays.asList(type.getInterfaces()));
            }
        }
        return null;
    }

    private static Method declared(Class<?> type, String name, Class<?>[] parameters) {
        try {
            return type.getDeclaredMethod(name, parameters);
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    /** A superclass method is overridden unless it is private or static, or package-private in another package. */
    private static boolean overrides(Method method, Method candidate) {
        int modifiers = candidate.getModifiers();
        if (Modifier.isPrivate(modifiers) || Modifier.isStatic(modifiers)) {
            return false;
        }
        if (Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers)) {
            return true;
        }
        return method.getDeclaringClass().getPackageName().equals(candidate.getDeclaringClass().getPackageName())
                && method.getDeclaringClass().getClassLoader() == candidate.getDeclaringClass().getClassLoader();
    }
}
