package dev.auditweave.agent.internal.weave.bytebuddy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditweave.annotations.EmitsAbuseEvent;
import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The start-up filter hands Byte Buddy exactly the classes that mention the annotation, and builds it lazily. */
class AnnotatedClassesOnlyTest {

    static class Plain {
        int rows() {
            return 1;
        }
    }

    static class Repeated {
        @EmitsAbuseEvent(type = "a")
        @EmitsAbuseEvent(type = "b")
        void both() {
        }
    }

    interface Blocking {
        @EmitsAbuseEvent(type = "user.blocked", when = "RETURNED_ROWS > 0")
        int block(String userId);
    }

    static class BlockingImpl implements Blocking {
        @Override
        public int block(String userId) {
            return 1;
        }
    }

    static class BlockingSubclass extends BlockingImpl {
        @Override
        public int block(String userId) {
            return 2;
        }
    }

    @Test
    void aClassThatOnlyInheritsAnAnnotatedMethodIsPassedOnThoughItsBytesDoNotMentionTheAnnotation() throws Exception {
        AtomicInteger delegated = new AtomicInteger();
        AnnotatedClassesOnly filter = new AnnotatedClassesOnly(() -> recording(name -> delegated.incrementAndGet()),
                loader -> { });
        ClassLoader loader = getClass().getClassLoader();

        assertThat(AnnotatedClassesOnly.mentionsAnnotation(bytes(BlockingImpl.class))).isFalse();
        assertThat(transform(filter, loader, BlockingSubclass.class)).as("the interface two levels up").isNotNull();
        assertThat(transform(filter, loader, BlockingImpl.class)).as("the interface it implements").isNotNull();
        assertThat(transform(filter, loader, Plain.class)).isNull();
        assertThat(delegated).hasValue(2);
    }

    @Test
    void theFirstApplicationClassLoaderIsReportedOnceBeforeItsClassIsInstrumented() throws Exception {
        java.util.List<String> seen = new java.util.ArrayList<>();
        AnnotatedClassesOnly filter = new AnnotatedClassesOnly(() -> recording(name -> seen.add("instrumented " + name)),
                loader -> seen.add("loader " + loader.getName()));
        ClassLoader application = new ClassLoader("app", getClass().getClassLoader()) { };

        transform(filter, application, Plain.class);
        transform(filter, application, Repeated.class);
        transform(filter, application, EmitAdviceTest.Target.class);

        assertThat(seen).containsExactly("loader app", "instrumented com/acme/Repeated", "instrumented com/acme/Target");
    }

    @Test
    void onlyClassesThatMentionTheAnnotationReachByteBuddyWhichIsBuiltOnce() throws Exception {
        AtomicInteger built = new AtomicInteger();
        AtomicInteger delegated = new AtomicInteger();
        byte[] marker = {42};
        ClassFileTransformer byteBuddy = new ClassFileTransformer() {
            @Override
            public byte[] transform(ClassLoader loader, String name, Class<?> redefined, ProtectionDomain domain,
                                    byte[] bytes) {
                delegated.incrementAndGet();
                return marker;
            }
        };
        AnnotatedClassesOnly filter = new AnnotatedClassesOnly(() -> {
            built.incrementAndGet();
            return byteBuddy;
        }, loader -> { });
        ClassLoader loader = getClass().getClassLoader();

        assertThat(transform(filter, loader, Plain.class)).isNull();
        assertThat(built).hasValue(0);
        assertThat(transform(filter, loader, EmitAdviceTest.Target.class)).isSameAs(marker);
        assertThat(transform(filter, loader, Repeated.class)).isSameAs(marker);
        assertThat(transform(filter, null, EmitAdviceTest.Target.class)).as("bootstrap classes").isNull();
        assertThat(filter.transform(AnnotatedClassesOnlyTest.class.getModule(), loader,
                EmitAdviceTest.Target.class.getName().replace('.', '/'), null, null, bytes(EmitAdviceTest.Target.class)))
                .as("auditweave's own classes").isNull();
        assertThat(built).hasValue(1);
        assertThat(delegated).hasValue(2);
    }

    private static ClassFileTransformer recording(java.util.function.Consumer<String> names) {
        return new ClassFileTransformer() {
            @Override
            public byte[] transform(ClassLoader loader, String name, Class<?> redefined, ProtectionDomain domain,
                                    byte[] bytes) {
                names.accept(name);
                return bytes;
            }
        };
    }

    private static byte[] transform(ClassFileTransformer filter, ClassLoader loader, Class<?> type) throws Exception {
        // As an application class: the filter never passes auditweave's own classes on.
        String name = "com/acme/" + type.getSimpleName();
        return filter.transform(type.getModule(), loader, name, null, null, bytes(type));
    }

    private static byte[] bytes(Class<?> type) throws IOException {
        String resource = type.getName().substring(type.getName().lastIndexOf('.') + 1) + ".class";
        try (InputStream in = type.getResourceAsStream(resource)) {
            return in.readAllBytes();
        }
    }
}
