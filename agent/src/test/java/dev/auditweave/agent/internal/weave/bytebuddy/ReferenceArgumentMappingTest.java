package dev.auditweave.agent.internal.weave.bytebuddy;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.dynamic.loading.ClassLoadingStrategy;
import org.junit.jupiter.api.Test;

/**
 * {@link ReferenceArgument}, woven by Byte Buddy into real methods: a parameter of a reference type arrives as it is,
 * a primitive or absent one as {@code null}, never boxed.
 */
class ReferenceArgumentMappingTest {

    @Test
    void aReferenceArrivesAsItIs_aPrimitiveOrAbsentOneAsNull() throws Exception {
        Object target = weave(Probe.class);
        List<Object> payload = new ArrayList<>();

        target.getClass().getMethod("mixed", int.class, String.class, List.class).invoke(target, 7, "fraud", payload);

        assertThat(Seen.last).containsExactly(null, "fraud", payload, null);
    }

    @Test
    void aNullArgumentArrivesAsNull_andAWideningPrimitiveDoesNotShiftTheOthers() throws Exception {
        Object target = weave(Probe.class);

        target.getClass().getMethod("wide", long.class, String.class, double.class, Object.class)
                .invoke(target, 1L << 40, null, 2.5, "last");

        assertThat(Seen.last).containsExactly(null, null, null, "last");
    }

    @Test
    void aParameterThatIsNotAnObject_isRefusedWhenTheAdviceIsMade() {
        assertThatThrownBy(() -> Advice.withCustomMapping().bind(new ReferenceArgumentMapping.Factory())
                .to(TypedProbe.class))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("a @ReferenceArgument parameter is an Object");
    }

    @Test
    void aNegativePosition_isRefusedWhenTheAdviceIsMade() {
        assertThatThrownBy(() -> Advice.withCustomMapping().bind(new ReferenceArgumentMapping.Factory())
                .to(NegativeProbe.class))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("position is at least 0, not -1");
    }

    private static Object weave(Class<?> probe) throws Exception {
        Advice advice = Advice.withCustomMapping().bind(new ReferenceArgumentMapping.Factory()).to(probe);
        return new ByteBuddy()
                .redefine(Target.class)
                .visit(advice.on(named("mixed").or(named("wide"))))
                .make()
                .load(ReferenceArgumentMappingTest.class.getClassLoader(), ClassLoadingStrategy.Default.CHILD_FIRST)
                .getLoaded()
                .getConstructor()
                .newInstance();
    }

    /** Where the woven advice, in another class loader, leaves what it saw. */
    public static final class Seen {
        public static volatile List<Object> last;

        public static void record(Object... seen) {
            last = Arrays.asList(seen);
        }
    }

    static final class Probe {
        @Advice.OnMethodExit
        static void exit(@ReferenceArgument(0) Object r0, @ReferenceArgument(1) Object r1,
                         @ReferenceArgument(2) Object r2, @ReferenceArgument(3) Object r3) {
            Seen.record(r0, r1, r2, r3);
        }
    }

    static final class TypedProbe {
        @Advice.OnMethodExit
        static void exit(@ReferenceArgument(0) String r0) {
            Seen.record(r0);
        }
    }

    static final class NegativeProbe {
        @Advice.OnMethodExit
        static void exit(@ReferenceArgument(-1) Object r0) {
            Seen.record(r0);
        }
    }

    @SuppressWarnings("unused")
    public static class Target {
        public void mixed(int n, String reason, List<Object> payload) {
        }

        public void wide(long big, String reason, double ratio, Object last) {
        }
    }
}
