package dev.auditweave.processor;

import java.lang.reflect.Field;
import javax.annotation.processing.ProcessingEnvironment;

/**
 * Whether the compiler keeps parameter names in the class files ({@code -parameters}), which the runtime needs to
 * resolve a parameter name. No public API says so: javac's option is read from its internal {@code Options} (when
 * the JDK lets a processor see them), ajc's from its compiler options; when neither can be read, {@link #unknown}.
 * javac's class files are then checked as they are written ({@link ParameterCheck}).
 */
final class ParameterNames {

    private ParameterNames() {
    }

    /** {@code TRUE} or {@code FALSE} when the compiler's options say so, {@code null} when they cannot be read. */
    static Boolean fromOptions(ProcessingEnvironment environment) {
        Boolean javac = javacOption(environment);
        return javac != null ? javac : ajcOption(environment);
    }

    /** Whether the processor runs in javac. */
    static boolean isJavac(ProcessingEnvironment environment) {
        return environment.getClass().getName().startsWith("com.sun.tools.javac.");
    }

    /** Whether the processor runs in the AspectJ compiler (ajc, as aspectj-maven-plugin runs it). */
    static boolean isAspectj(ProcessingEnvironment environment) {
        return environment.getClass().getName().startsWith("org.aspectj.");
    }

    private static Boolean javacOption(ProcessingEnvironment environment) {
        if (!isJavac(environment)) {
            return null;
        }
        try {
            Object context = environment.getClass().getMethod("getContext").invoke(environment);
            Class<?> options = Class.forName("com.sun.tools.javac.util.Options", false,
                    environment.getClass().getClassLoader());
            Object instance = options.getMethod("instance", context.getClass()).invoke(null, context);
            return (Boolean) options.getMethod("isSet", String.class).invoke(instance, "-parameters");
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            // jdk.compiler does not export its internals to processors: the class files will tell.
            return null;
        }
    }

    private static Boolean ajcOption(ProcessingEnvironment environment) {
        try {
            Object compiler = read(environment, "_compiler");
            Object options = read(compiler, "options");
            return (Boolean) read(options, "produceMethodParameters");
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    private static Object read(Object owner, String name) throws ReflectiveOperationException {
        for (Class<?> type = owner.getClass(); type != null; type = type.getSuperclass()) {
            try {
                Field field = type.getDeclaredField(name);
                field.setAccessible(true);
                return field.get(owner);
            } catch (NoSuchFieldException e) {
                // Declared further up.
            }
        }
        throw new NoSuchFieldException(name + " in " + owner.getClass().getName());
    }

    /** Whether nothing can tell: neither the options nor, outside javac, the class files. */
    static boolean unknown(ProcessingEnvironment environment) {
        return fromOptions(environment) == null && !isJavac(environment);
    }
}
