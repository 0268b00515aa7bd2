package dev.auditweave.agent.internal.weave.bytebuddy;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per class loader, which types declare or inherit an {@code @EmitsAbuseEvent} method (or one a site is declared on
 * in configuration), so that the agent's filter
 * passes a class whose only annotated methods are inherited: an implementation of an annotated interface method,
 * an override of an annotated superclass method, a Spring Data repository's JDK proxy.
 *
 * <p>A class's transformation runs before its superclass and interfaces are loaded, so a supertype not yet known
 * is read here from its class file ({@code loader.getResourceAsStream}), once per loader: every type is looked at
 * at most once more than the JVM itself reads it. JDK types ({@code java/}, {@code javax/}, {@code jdk/},
 * {@code sun/}, {@code com/sun/}) are never annotated and never read. Class loaders are held weakly.
 */
final class HierarchyIndex {

    private final Map<ClassLoader, Map<String, Boolean>> byLoader = Collections.synchronizedMap(new WeakHashMap<>());

    /**
     * Whether the class of {@code bytes}, defined by {@code loader}, declares (its bytes mention the annotation) or
     * inherits an annotated method; remembered for its subclasses.
     */
    boolean declaresOrInherits(ClassLoader loader, ClassHeader header, boolean mentionsAnnotation) {
        Map<String, Boolean> known = known(loader);
        boolean result = mentionsAnnotation || inherits(loader, header, known);
        known.put(header.name(), result);
        return result;
    }

    private boolean inherits(ClassLoader loader, ClassHeader header, Map<String, Boolean> known) {
        if (header.superName() != null && declaresOrInherits(loader, header.superName(), known)) {
            return true;
        }
        for (String type : header.interfaces()) {
            if (declaresOrInherits(loader, type, known)) {
                return true;
            }
        }
        return false;
    }

    private boolean declaresOrInherits(ClassLoader loader, String type, Map<String, Boolean> known) {
        if (isJdk(type)) {
            return false;
        }
        Boolean cached = known.get(type);
        if (cached != null) {
            return cached;
        }
        // Cycles cannot occur in a valid hierarchy; the mark only keeps a malformed one from recursing.
        known.put(type, Boolean.FALSE);
        byte[] bytes = read(loader, type);
        ClassHeader header = bytes == null ? null : ClassHeader.parse(bytes);
        boolean result = header != null && (AnnotatedClassesOnly.mentionsAnnotation(bytes)
                || AnnotatedClassesOnly.isDeclared(type) || inherits(loader, header, known));
        known.put(type, result);
        return result;
    }

    private Map<String, Boolean> known(ClassLoader loader) {
        synchronized (byLoader) {
            return byLoader.computeIfAbsent(loader, any -> new ConcurrentHashMap<>());
        }
    }

    private static byte[] read(ClassLoader loader, String type) {
        try (InputStream in = loader.getResourceAsStream(type + ".class")) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    static boolean isJdk(String type) {
        return type.startsWith("java/") || type.startsWith("javax/") || type.startsWith("jdk/")
                || type.startsWith("sun/") || type.startsWith("com/sun/");
    }
}
