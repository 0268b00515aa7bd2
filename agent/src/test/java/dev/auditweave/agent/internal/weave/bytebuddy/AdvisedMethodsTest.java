package dev.auditweave.agent.internal.weave.bytebuddy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditweave.agent.internal.config.Settings;
import dev.auditweave.agent.internal.plan.DeclaredSites;
import dev.auditweave.annotations.EmitsAbuseEvent;
import java.util.Map;
import net.bytebuddy.description.method.MethodDescription;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Which methods the agent instruments: annotated, declared in configuration (an interface's implementations
 * included), and never one configuration switched off, which is so left as it was and costs nothing.
 */
class AdvisedMethodsTest {

    private static final String THIRD_PARTY = ThirdParty.class.getName();

    @AfterEach
    void noRulesAfterwards() {
        DeclaredSites.frameworkStopped();
        DeclaredSites.fromRuntime(Settings.defaults());
    }

    @Test
    void withoutConfiguration_onlyAnnotatedMethods() throws NoSuchMethodException {
        assertThat(advised(Annotated.class, "block")).isTrue();
        assertThat(advised(Annotated.class, "add")).isTrue();
        assertThat(advised(Annotated.class, "plain")).isFalse();
        assertThat(advised(ThirdParty.class, "parse")).isFalse();
    }

    @Test
    void declaredMethods_andImplementationsOfADeclaredInterfaceMethod() throws NoSuchMethodException {
        configure(Map.of(
                "auditweave.emit.parse.method", THIRD_PARTY + "#parse(java.lang.String)",
                "auditweave.emit.parse.type", "json.parsed",
                "auditweave.emit.handled.method", Handler.class.getName() + "#handle(java.lang.String)",
                "auditweave.emit.handled.type", "error.handled"));

        assertThat(advised(ThirdParty.class, "parse")).isTrue();
        assertThat(advised(ThirdParty.class, "write")).isFalse();
        assertThat(advised(HandlerImpl.class, "handle")).as("implements the declared interface method").isTrue();
        assertThat(advised(HandlerImpl.class, "other")).isFalse();
    }

    @Test
    void aDeclaredMethodSwitchedOff_isNotInstrumented() throws NoSuchMethodException {
        configure(Map.of(
                "auditweave.emit.write.method", THIRD_PARTY + "#write(java.lang.Object)",
                "auditweave.emit.write.type", "json.written",
                "auditweave.disable.methods", THIRD_PARTY + "#write(java.lang.Object)"));

        assertThat(advised(ThirdParty.class, "write")).isFalse();
    }

    @Test
    void anAnnotatedMethodWhoseEveryTypeIsSwitchedOff_isNotInstrumented() throws NoSuchMethodException {
        configure(Map.of("auditweave.disable.types", "user.*"));

        assertThat(advised(Annotated.class, "block")).isFalse();
        assertThat(advised(Annotated.class, "add")).as("org.member_added is still on").isTrue();
        assertThat(advised(Annotated.class, "both")).as("one of its two sites is still on").isTrue();
    }

    @Test
    void anAnnotatedMethodSwitchedOffByMethod_isNotInstrumented() throws NoSuchMethodException {
        configure(Map.of("auditweave.disable.methods", Annotated.class.getName() + "#add"));

        assertThat(advised(Annotated.class, "add")).isFalse();
        assertThat(advised(Annotated.class, "block")).isTrue();
    }

    @Test
    void inAClassAspectjWove_declaredMethodsButNotItsOwnAnnotatedOnes() throws NoSuchMethodException {
        configure(Map.of(
                "auditweave.emit.parse.method", THIRD_PARTY + "#parse",
                "auditweave.emit.parse.type", "json.parsed"));

        assertThat(AuditweaveAgent.advisedMethods(true).matches(method(ThirdParty.class, "parse"))).isTrue();
        assertThat(AuditweaveAgent.advisedMethods(true).matches(method(Annotated.class, "block"))).isFalse();
    }

    private static void configure(Map<String, String> values) {
        DeclaredSites.fromFramework(Settings.defaults().with(values));
    }

    private static boolean advised(Class<?> type, String name) throws NoSuchMethodException {
        return AuditweaveAgent.advisedMethods(false).matches(method(type, name));
    }

    private static MethodDescription method(Class<?> type, String name) throws NoSuchMethodException {
        for (java.lang.reflect.Method method : type.getDeclaredMethods()) {
            if (method.getName().equals(name)) {
                return new MethodDescription.ForLoadedMethod(method);
            }
        }
        throw new NoSuchMethodException(type.getName() + "#" + name);
    }

    @SuppressWarnings("unused")
    static class Annotated {
        @EmitsAbuseEvent(type = "user.blocked")
        public void block(String userId) {
        }

        @EmitsAbuseEvent(type = "org.member_added")
        public void add(String userId) {
        }

        @EmitsAbuseEvent(type = "user.blocked")
        @EmitsAbuseEvent(type = "org.member_removed")
        public void both(String userId) {
        }

        public void plain() {
        }
    }

    /** Stands for a dependency's class: nothing of auditweave in it. */
    @SuppressWarnings("unused")
    static class ThirdParty {
        public String parse(String json) {
            return json;
        }

        public String write(Object value) {
            return String.valueOf(value);
        }
    }

    interface Handler {
        void handle(String message);
    }

    @SuppressWarnings("unused")
    static class HandlerImpl implements Handler {
        @Override
        public void handle(String message) {
        }

        public void other(String message) {
        }
    }
}
