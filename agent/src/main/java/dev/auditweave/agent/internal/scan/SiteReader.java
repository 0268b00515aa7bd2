package dev.auditweave.agent.internal.scan;

import dev.auditweave.agent.internal.config.DeclaredEmit;
import dev.auditweave.agent.internal.plan.SiteRules;
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

    /**
     * Every site in {@code classes} (binary name to class file), by class, then in declaration order, each switched
     * off or not by {@code rules}.
     */
    static List<ScannedSite> sites(Map<String, byte[]> classes, SiteRules rules) {
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
                        sites.add(site(type, method, annotation, rules));
                    } else if (annotationType.equals(EMITS_CONTAINER)) {
                        for (AnnotationDescription each : annotation.getValue("value")
                                .resolve(AnnotationDescription[].class)) {
                            sites.add(site(type, method, each, rules));
                        }
                    }
                }
            }
        }
        return sites;
    }

    /** The sites {@code rules} declare in configuration, in their order. */
    static List<ScannedSite> declared(SiteRules rules) {
        return rules.declarations().stream().map(declared -> declared(declared, rules)).toList();
    }

    private static ScannedSite site(TypeDescription type, MethodDescription method, AnnotationDescription emits,
                                    SiteRules rules) {
        Map<String, String> data = new LinkedHashMap<>();
        for (AnnotationDescription field : emits.getValue("data").resolve(AnnotationDescription[].class)) {
            data.put(string(field, "name"), string(field, "value"));
        }
        String eventType = string(emits, "type");
        List<String> parameters = Arrays.stream(Type.getArgumentTypes(method.getDescriptor()))
                .map(Type::getClassName).toList();
        String switchedOff = rules.switchedOff(type.getName(), method.getName(), parameters, eventType);
        return new ScannedSite(type.getName(), signature(method), eventType, string(emits, "when"), data,
                constant(emits, "phase"), constant(emits, "on"),
                List.of(emits.getValue("enrich").resolve(String[].class)),
                string(emits, "occurredAt"), string(emits, "idempotencyKey"), "",
                switchedOff == null ? "" : switchedOff);
    }

    private static ScannedSite declared(DeclaredEmit declared, SiteRules rules) {
        Map<String, String> data = new LinkedHashMap<>();
        declared.data().forEach(field -> data.put(field.name(), field.value()));
        String switchedOff = rules.switchedOff(declared);
        return new ScannedSite(declared.method().className(), declared.signature(), declared.type(), declared.when(),
                data, declared.phase(), declared.on(), declared.enrich(), declared.occurredAt(),
                declared.idempotencyKey(), declared.methodKey(), switchedOff == null ? "" : switchedOff);
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
