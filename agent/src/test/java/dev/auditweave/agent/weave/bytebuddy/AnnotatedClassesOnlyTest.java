package dev.auditweave.agent.weave.bytebuddy;

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
        });
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
