package dev.auditweave.agent.weave.bytebuddy;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.IllegalClassFormatException;
import java.nio.charset.StandardCharsets;
import java.security.ProtectionDomain;
import java.util.function.Supplier;

/**
 * The agent's class file transformer at start-up: passes a class to Byte Buddy only when its bytes mention
 * {@code Ldev/auditweave/annotations/EmitsAbuseEvent} (the descriptor of the annotation and of its container,
 * which an annotated method's class holds in its constant pool). Every other class, the great majority, costs a
 * byte scan instead of a parse, and Byte Buddy itself (about a thousand classes) is loaded and set up only when
 * the first such class appears. A class without that descriptor cannot declare an annotated method, so the
 * filter never hides one from the matchers.
 */
final class AnnotatedClassesOnly implements ClassFileTransformer {

    static final byte[] MARKER = "Ldev/auditweave/annotations/EmitsAbuseEvent".getBytes(StandardCharsets.UTF_8);

    private final Supplier<ClassFileTransformer> factory;
    private volatile ClassFileTransformer delegate;

    AnnotatedClassesOnly(Supplier<ClassFileTransformer> factory) {
        this.factory = factory;
    }

    @Override
    public byte[] transform(Module module, ClassLoader loader, String className, Class<?> classBeingRedefined,
                            ProtectionDomain protectionDomain, byte[] classfileBuffer)
            throws IllegalClassFormatException {
        if (loader == null || className == null || className.startsWith("dev/auditweave/agent/")
                || className.startsWith("dev/auditweave/shaded/") || !mentionsAnnotation(classfileBuffer)) {
            return null;
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
