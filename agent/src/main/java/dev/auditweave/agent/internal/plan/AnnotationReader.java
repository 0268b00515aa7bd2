package dev.auditweave.agent.internal.plan;

import dev.auditweave.agent.internal.config.DeclaredEmit;
import java.lang.annotation.Annotation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code @EmitsAbuseEvent} and its container by name. In a Spring Boot fat jar the application's copy of
 * the annotation types lives in a child class loader the agent cannot see, so {@code getAnnotation(X.class)}
 * with the agent's own copy would find nothing.
 */
final class AnnotationReader {

    static final String EMITS = "dev.auditweave.annotations.EmitsAbuseEvent";
    static final String EMITS_CONTAINER = "dev.auditweave.annotations.EmitsAbuseEvents";

    private AnnotationReader() {
    }

    /**
     * Whether {@code method} itself carries {@code @EmitsAbuseEvent} or its container, or a site is declared on it in
     * configuration ({@link DeclaredSites}).
     */
    static boolean isAnnotated(Method method) {
        return carriesAnnotation(method) || !DeclaredSites.rules().declaredOn(method).isEmpty();
    }

    /** Whether {@code method} itself carries {@code @EmitsAbuseEvent} or its container. */
    static boolean carriesAnnotation(Method method) {
        for (Annotation annotation : method.getDeclaredAnnotations()) {
            String name = annotation.annotationType().getName();
            if (name.equals(EMITS) || name.equals(EMITS_CONTAINER)) {
                return true;
            }
        }
        return false;
    }

    /** The annotations of {@code method}, in order, then the sites declared on it in configuration. */
    static List<EmitDeclaration> declarations(Method method) {
        List<EmitDeclaration> declarations = new ArrayList<>(2);
        for (Annotation annotation : method.getDeclaredAnnotations()) {
            String name = annotation.annotationType().getName();
            if (name.equals(EMITS)) {
                declarations.add(declaration(annotation));
            } else if (name.equals(EMITS_CONTAINER)) {
                for (Object repeated : (Object[]) attribute(annotation, "value")) {
                    declarations.add(declaration((Annotation) repeated));
                }
            }
        }
        for (DeclaredEmit declared : DeclaredSites.rules().declaredOn(method)) {
            declarations.add(EmitDeclaration.of(declared));
        }
        return declarations;
    }

    private static EmitDeclaration declaration(Annotation emits) {
        List<EmitDeclaration.FieldDeclaration> fields = new ArrayList<>();
        for (Object field : (Object[]) attribute(emits, "data")) {
            Annotation annotation = (Annotation) field;
            fields.add(new EmitDeclaration.FieldDeclaration((String) attribute(annotation, "name"),
                    (String) attribute(annotation, "value"), redact(annotation)));
        }
        return new EmitDeclaration((String) attribute(emits, "type"), (String) attribute(emits, "when"),
                List.copyOf(fields), (String) attribute(emits, "occurredAt"),
                (String) attribute(emits, "idempotencyKey"), ((Enum<?>) attribute(emits, "phase")).name(),
                ((Enum<?>) attribute(emits, "on")).name(), List.of((String[]) attribute(emits, "enrich")), "");
    }

    /** {@code redact} of a {@code @Field}; {@code NONE} for annotations older than the attribute. */
    private static String redact(Annotation field) {
        try {
            field.annotationType().getMethod("redact");
        } catch (NoSuchMethodException olderAnnotations) {
            return "NONE";
        }
        return ((Enum<?>) attribute(field, "redact")).name();
    }

    private static Object attribute(Annotation annotation, String name) {
        try {
            return annotation.annotationType().getMethod(name).invoke(annotation);
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw new IllegalStateException("annotation " + annotation.annotationType().getName()
                    + " has no readable attribute '" + name + "': is auditweave-annotations older than the agent?", e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + name + " of " + annotation, e.getCause());
        }
    }
}
