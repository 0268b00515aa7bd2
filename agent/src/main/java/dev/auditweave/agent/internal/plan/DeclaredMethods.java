package dev.auditweave.agent.internal.plan;

import java.lang.invoke.MethodType;
import java.lang.reflect.Method;

/** A method a class declares, found by its name and JVM descriptor, as class files and the build's sites name it. */
public final class DeclaredMethods {

    private DeclaredMethods() {
    }

    /** The method {@code type} declares as {@code name} with {@code descriptor}, or {@code null} when it has none. */
    public static Method find(Class<?> type, String name, String descriptor) {
        for (Method method : type.getDeclaredMethods()) {
            if (method.getName().equals(name) && descriptor.equals(descriptor(method))) {
                return method;
            }
        }
        return null;
    }

    /** {@code method}'s JVM descriptor: {@code (Ljava/lang/String;)I}. */
    public static String descriptor(Method method) {
        return MethodType.methodType(method.getReturnType(), method.getParameterTypes()).toMethodDescriptorString();
    }
}
