package dev.auditweave.agent.internal.scan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import net.bytebuddy.description.annotation.AnnotationDescription;
import net.bytebuddy.description.enumeration.EnumerationDescription;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.jar.asm.Type;
import net.bytebuddy.pool.TypePool;

/**
 * Reads the {@code @EmitsAbuseEvent}s (and {@code @EmitsAbuseEvents} containers) of class files with Byte Buddy's
 * {@link TypePool}, which parses them without loading a class: neither the application's dependencies nor its
 * static initialisers are needed. Defaults come from auditweave's own copy of the annotation types.
 *
 * <pre>{@code
 * List<ScannedSite> sites = SiteReader.sites(ClassFiles.read(Path.of("target/classes")));
 * }</pre>
 */
final class SiteReader {

    private static final String EMITS = "dev.auditweave.annotations.EmitsAbuseEvent";
    private static final String EMITS_CONTAINER = "dev.auditweave.annotations.EmitsAbuseEvents";

    private SiteReader() {
    }

    /** Every site in {@code classes} (binary name to class file), by class, then in declaration order. */
    static List<ScannedSite> sites(Map<String, byte[]> classes) {
        ClassFileLocator locator = new ClassFileLocator.Compound(new ClassFileLocator.Simple(classes),
                ClassFileLocator.ForClassLoader.of(SiteReader.class.getClassLoader()));
        TypePool pool = TypePool.Default.WithLazyResolution.of(locator);
        List<ScannedSite> sites = new ArrayList<>();
        for (String name : classes.keySet()) {
            TypeDescription type = pool.describe(name).resolve();
            for (MethodDescription.InDefinedShape method : type.getDeclaredMethods()) {
                for (AnnotationDescription annotation : method.getDeclaredAnnotations()) {
                    String annotationType = annotation.getAnnotationType().getName();
                    if (annotationType.equals(EMITS)) {
                        sites.add(site(type, method, annotation));
                    } else if (annotationType.equals(EMITS_CONTAINER)) {
                        for (AnnotationDescription each : annotation.getValue("value")
                                .resolve(AnnotationDescription[].class)) {
                            sites.add(site(type, method, each));
                        }
                    }
                }
            }
        }
        return sites;
    }

    private static ScannedSite site(TypeDescription type, MethodDescription method, AnnotationDescription emits) {
        Map<String, String> data = new LinkedHashMap<>();
        for (AnnotationDescription field : emits.getValue("data").resolve(AnnotationDescription[].class)) {
            data.put(string(field, "name"), string(field, "value"));
        }
        return new ScannedSite(type.getName(), signature(method), string(emits, "type"), string(emits, "when"), data,
                constant(emits, "phase"), constant(emits, "on"),
                List.of(emits.getValue("enrich").resolve(String[].class)),
                string(emits, "occurredAt"), string(emits, "idempotencyKey"));
    }

    private static String string(AnnotationDescription annotation, String attribute) {
        return annotation.getValue(attribute).resolve(String.class);
    }

    private static String constant(AnnotationDescription annotation, String attribute) {
        return annotation.getValue(attribute).resolve(EnumerationDescription.class).getValue();
    }

    /**
     * {@code blockUser(String, String)}, as {@code EmitSite} and the logs name a method: from the descriptor, so that
     * the parameter types, which the scanned location may not hold, need not be resolved.
     */
    private static String signature(MethodDescription method) {
        return method.getName() + Arrays.stream(Type.getArgumentTypes(method.getDescriptor()))
                .map(parameter -> simpleName(parameter.getClassName())).collect(Collectors.joining(", ", "(", ")"));
    }

    private static String simpleName(String className) {
        String simple = className.substring(className.lastIndexOf('.') + 1);
        return simple.substring(simple.lastIndexOf('$') + 1);
    }
}
