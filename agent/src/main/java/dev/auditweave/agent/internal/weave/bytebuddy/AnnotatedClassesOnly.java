package dev.auditweave.agent.internal.weave.bytebuddy;

import dev.auditweave.agent.internal.plan.DeclaredSites;
import dev.auditweave.agent.internal.plan.SiteRules;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.IllegalClassFormatException;
import java.nio.charset.StandardCharsets;
import java.security.ProtectionDomain;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The agent's class file transformer at start-up: passes a class to Byte Buddy only when its bytes mention
 * {@code Ldev/auditweave/annotations/EmitsAbuseEvent} (the descriptor of the annotation and of its container,
 * which an annotated method's class holds in its constant pool), or when one of its supertypes declares or
 * inherits such a method ({@link HierarchyIndex}). Every other class, the great majority, costs a byte scan and
 * a walk of its constant pool instead of a parse (a class a site is declared on in configuration,
 * {@code auditweave.emit.<id>.method}, or a subtype of one, passes too), and Byte Buddy itself (about a thousand classes) is loaded and
 * set up only when the first such class appears. So the filter never hides an annotated or inheriting method from
 * the matchers.
 *
 * <p>Left out, besides auditweave's own classes: generated subclass proxies (a {@code $$} in the name: Spring's
 * CGLIB proxies, Byte Buddy and Hibernate proxies, mocks), which call the instrumented method of their target,
 * and Spring AOP's JDK proxies of a bean (they implement {@code SpringProxy}), whose target class is instrumented
 * itself; a Spring Data repository's JDK proxy is instrumented, since its target does not implement the
 * repository interface.
 */
final class AnnotatedClassesOnly implements ClassFileTransformer {

    static final byte[] MARKER = "Ldev/auditweave/annotations/EmitsAbuseEvent".getBytes(StandardCharsets.UTF_8);

    private static final String SPRING_PROXY = "org/springframework/aop/SpringProxy";
    private static final String SPRING_DATA_REPOSITORY = "org/springframework/data/repository/Repository";

    private final Supplier<ClassFileTransformer> factory;
    private final Consumer<ClassLoader> firstApplicationLoader;
    private final BiConsumer<String, ClassLoader> declaredClassLoaded;
    private final AtomicBoolean applicationLoaderSeen = new AtomicBoolean();
    private final HierarchyIndex hierarchy = new HierarchyIndex();
    private volatile ClassFileTransformer delegate;

    /**
     * @param factory                the transformer that instruments a candidate class, made at the first one
     * @param firstApplicationLoader told, once and before that class is instrumented, of the first candidate's
     *                               class loader that is neither the system nor the platform class loader
     */
    AnnotatedClassesOnly(Supplier<ClassFileTransformer> factory, Consumer<ClassLoader> firstApplicationLoader) {
        this(factory, firstApplicationLoader, (name, loader) -> { });
    }

    /**
     * @param declaredClassLoaded told of each class (binary name) a site is declared on in configuration, as it
     *                            loads, with its loader: its declarations are checked once it is defined
     */
    AnnotatedClassesOnly(Supplier<ClassFileTransformer> factory, Consumer<ClassLoader> firstApplicationLoader,
                         BiConsumer<String, ClassLoader> declaredClassLoaded) {
        this.factory = factory;
        this.firstApplicationLoader = firstApplicationLoader;
        this.declaredClassLoaded = declaredClassLoaded;
    }

    /** Whether a site is declared in configuration on a method of {@code internalName} ({@code a/b/C}). */
    static boolean isDeclared(String internalName) {
        SiteRules rules = DeclaredSites.rules();
        return !rules.declarations().isEmpty() && rules.declaresOn(internalName.replace('/', '.'));
    }

    @Override
    public byte[] transform(Module module, ClassLoader loader, String className, Class<?> classBeingRedefined,
                            ProtectionDomain protectionDomain, byte[] classfileBuffer)
            throws IllegalClassFormatException {
        if (loader == null || className == null || isOwn(className) || className.contains("$$")) {
            return null;
        }
        boolean declared = isDeclared(className);
        if (declared) {
            declaredClassLoaded.accept(className.replace('/', '.'), loader);
        }
        if (!declared && !isCandidate(loader, classfileBuffer)) {
            return null;
        }
        if (loader != ClassLoader.getSystemClassLoader() && loader != ClassLoader.getPlatformClassLoader()
                && applicationLoaderSeen.compareAndSet(false, true)) {
            firstApplicationLoader.accept(loader);
        }
        return delegate().transform(module, loader, className, classBeingRedefined, protectionDomain,
                classfileBuffer);
    }

    private ClassFileTransformer delegate() {
        ClassFileTransformer transformer = delegate;
        if (transformer == null) {
            synchronized (this) {
                transformer = delegate;
                if (transformer == null) {
                    transformer = factory.get();
                    delegate = transformer;
                }
            }
        }
        return transformer;
    }

    private boolean isCandidate(ClassLoader loader, byte[] bytes) {
        boolean mentions = mentionsAnnotation(bytes);
        ClassHeader header = ClassHeader.parse(bytes);
        if (header == null) {
            return mentions;
        }
        return hierarchy.declaresOrInherits(loader, header, mentions) && !isSpringBeanProxy(header);
    }

    static boolean isOwn(String className) {
        return className.startsWith("dev/auditweave/agent/") || className.startsWith("dev/auditweave/shaded/")
                || className.startsWith("dev/auditweave/bootstrap/");
    }

    private static boolean isSpringBeanProxy(ClassHeader header) {
        return header.interfaces().contains(SPRING_PROXY) && !header.interfaces().contains(SPRING_DATA_REPOSITORY);
    }

    /** Whether {@code bytes} contains {@link #MARKER}. */
    static boolean mentionsAnnotation(byte[] bytes) {
        byte first = MARKER[0];
        int last = bytes.length - MARKER.length;
        outer:
        for (int i = 0; i <= last; i++) {
            if (bytes[i] != first) {
                continue;
            }
            for (int j = 1; j < MARKER.length; j++) {
                if (bytes[i + j] != MARKER[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
