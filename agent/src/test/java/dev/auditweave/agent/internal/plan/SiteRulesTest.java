package dev.auditweave.agent.internal.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditweave.agent.internal.config.DeclaredEmit;
import dev.auditweave.agent.internal.config.Settings;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What configuration says of sites: declared on which methods, switched off by method and by type, and why. */
class SiteRulesTest {

    // ---- switching off by method ----

    @Test
    void disabledMethod_byExactParameterTypes() {
        SiteRules rules = rules(Map.of("auditweave.disable.methods", "com.acme.Users#block(java.lang.String, int)"));

        assertThat(rules.disabledMethod("com.acme.Users", "block", List.of("java.lang.String", "int")))
                .isEqualTo("switched off by auditweave.disable.methods entry 'com.acme.Users#block(java.lang.String,"
                        + " int)' (override)");
        assertThat(rules.disabledMethod("com.acme.Users", "block", List.of("java.lang.String"))).isNull();
        assertThat(rules.disabledMethod("com.acme.Users", "unblock", List.of("java.lang.String", "int"))).isNull();
        assertThat(rules.disabledMethod("com.acme.Admins", "block", List.of("java.lang.String", "int"))).isNull();
    }

    @Test
    void disabledMethod_withoutParameterListEveryOverload() {
        SiteRules rules = rules(Map.of("auditweave.disable.methods", "com.acme.Users#block"));

        assertThat(rules.disabledMethod("com.acme.Users", "block", List.of())).isNotNull();
        assertThat(rules.disabledMethod("com.acme.Users", "block", List.of("java.lang.String", "int"))).isNotNull();
    }

    @Test
    void disabledMethod_ofAReflectedMethod() throws NoSuchMethodException {
        Method method = Fixtures.class.getDeclaredMethod("block", String.class, int[].class);
        SiteRules rules = rules(Map.of("auditweave.disable.methods",
                Fixtures.class.getName() + "#block(java.lang.String, int[])"));

        assertThat(SiteRules.parameterTypes(method)).containsExactly("java.lang.String", "int[]");
        assertThat(rules.disabledMethod(method)).isNotNull();
        assertThat(rules.disabledMethod(Fixtures.class.getDeclaredMethod("block", String.class))).isNull();
    }

    // ---- switching off by type ----

    @Test
    void disabledType_byPattern() {
        SiteRules rules = rules(Map.of("auditweave.disable.types", "user.*,billing.kilo_pass_changed"));

        assertThat(rules.disabledType("user.blocked"))
                .isEqualTo("switched off by auditweave.disable.types = 'user.*,billing.kilo_pass_changed'"
                        + " (override)");
        assertThat(rules.disabledType("billing.kilo_pass_changed")).isNotNull();
        assertThat(rules.disabledType("billing.kilo_pass_changed.v2")).isNull();
        assertThat(rules.disabledType("org.user.blocked")).as("a pattern matches the whole type").isNull();
        assertThat(rules.disabledType("org.member_added")).isNull();
    }

    @Test
    void disabledType_aPatternsOtherCharactersAreLiteral() {
        SiteRules rules = rules(Map.of("auditweave.disable.types", "user.*"));

        assertThat(rules.disabledType("userXblocked")).as("the dot is not a regex wildcard").isNull();
    }

    // ---- declarations ----

    @Test
    void declaredOn_byClassMethodAndParameters() throws NoSuchMethodException {
        SiteRules rules = rules(Map.of(
                "auditweave.emit.one.method", Fixtures.class.getName() + "#block(java.lang.String)",
                "auditweave.emit.one.type", "user.blocked",
                "auditweave.emit.all.method", Fixtures.class.getName() + "#block",
                "auditweave.emit.all.type", "user.any"));

        assertThat(rules.declaresOn(Fixtures.class.getName())).isTrue();
        assertThat(rules.declaresOn("com.acme.Other")).isFalse();
        assertThat(rules.declaredOn(Fixtures.class.getDeclaredMethod("block", String.class)))
                .extracting(DeclaredEmit::type).containsExactlyInAnyOrder("user.blocked", "user.any");
        assertThat(rules.declaredOn(Fixtures.class.getDeclaredMethod("block", String.class, int[].class)))
                .extracting(DeclaredEmit::type).containsExactly("user.any");
        assertThat(rules.declaredOn(Fixtures.class.getName(), "unblock", List.of())).isEmpty();
        assertThat(rules.isEmpty()).isFalse();
    }

    @Test
    void none_isEmpty() {
        assertThat(SiteRules.NONE.isEmpty()).isTrue();
        assertThat(SiteRules.NONE.declarations()).isEmpty();
        assertThat(SiteRules.NONE.disabledType("user.blocked")).isNull();
        assertThat(SiteRules.NONE.disabledMethod("com.acme.Users", "block", List.of())).isNull();
    }

    private static SiteRules rules(Map<String, String> values) {
        return SiteRules.of(Settings.defaults().with(values));
    }

    @SuppressWarnings("unused")
    static final class Fixtures {
        void block(String userId) {
        }

        void block(String userId, int[] ranks) {
        }
    }
}
