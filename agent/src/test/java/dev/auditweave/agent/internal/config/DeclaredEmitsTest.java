package dev.auditweave.agent.internal.config;

import dev.auditweave.agent.ConfigException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** auditweave.emit.<id>.* declare emit sites; auditweave.disable.* switch sites off; bad values name the key. */
class DeclaredEmitsTest {

    private static final String SIGNIN = "org.springframework.security.authentication.AuthenticationEventPublisher"
            + "#publishAuthenticationSuccess(org.springframework.security.core.Authentication)";

    // ---- reading declarations ----

    @Test
    void everyKeyOfADeclaration() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("auditweave.emit.signin.method", SIGNIN);
        properties.put("auditweave.emit.signin.type", " auth.signin ");
        properties.put("auditweave.emit.signin.when", "args[0].authenticated");
        properties.put("auditweave.emit.signin.data.kilo_user_id", "args[0].name");
        properties.put("auditweave.emit.signin.data.ip_address", "REQUEST.ip");
        properties.put("auditweave.emit.signin.occurred-at", "now");
        properties.put("auditweave.emit.signin.idempotency-key", "args[0].name");
        properties.put("auditweave.emit.signin.phase", "immediate");
        properties.put("auditweave.emit.signin.on", "thrown");
        properties.put("auditweave.emit.signin.enrich", "memberships, providers");

        DeclaredEmit declared = single(properties);

        assertThat(declared.id()).isEqualTo("signin");
        assertThat(declared.method()).isEqualTo(MethodRef.parse(SIGNIN));
        assertThat(declared.type()).isEqualTo("auth.signin");
        assertThat(declared.when()).isEqualTo("args[0].authenticated");
        assertThat(declared.data()).containsExactly(new DeclaredEmit.Field("kilo_user_id", "args[0].name"),
                new DeclaredEmit.Field("ip_address", "REQUEST.ip"));
        assertThat(declared.occurredAt()).isEqualTo("now");
        assertThat(declared.idempotencyKey()).isEqualTo("args[0].name");
        assertThat(declared.phase()).isEqualTo("IMMEDIATE");
        assertThat(declared.on()).isEqualTo("THROWN");
        assertThat(declared.enrich()).containsExactly("memberships", "providers");
        assertThat(declared.methodKey()).isEqualTo("auditweave.emit.signin.method");
        assertThat(declared.label()).isEqualTo("auditweave.emit.signin.method = '" + MethodRef.parse(SIGNIN)
                + "' (system property)");
    }

    @Test
    void defaultsAreTheAnnotationsDefaults() {
        DeclaredEmit declared = single(Map.of("auditweave.emit.parse.method", "com.acme.Json#read",
                "auditweave.emit.parse.type", "json.parsed"));

        assertThat(declared.when()).isEmpty();
        assertThat(declared.data()).isEmpty();
        assertThat(declared.occurredAt()).isEmpty();
        assertThat(declared.idempotencyKey()).isEmpty();
        assertThat(declared.phase()).isEqualTo("AFTER_COMMIT");
        assertThat(declared.on()).isEqualTo("RETURNED");
        assertThat(declared.enrich()).isEmpty();
    }

    @Test
    void severalDeclarationsInOrderOfFirstAppearance() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("auditweave.emit.b.method", "com.acme.B#run");
        properties.put("auditweave.emit.a.method", "com.acme.A#run");
        properties.put("auditweave.emit.a.type", "a.ran");
        properties.put("auditweave.emit.b.type", "b.ran");

        assertThat(Settings.from(null, properties, Map.of(), null).declaredEmits())
                .extracting(DeclaredEmit::id, DeclaredEmit::type)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("b", "b.ran"),
                        org.assertj.core.groups.Tuple.tuple("a", "a.ran"));
    }

    @Test
    void fromTheEnvironment_aFieldNameIsLowerCasedAndKeepsItsUnderscores() {
        Map<String, String> environment = Map.of(
                "AUDITWEAVE_EMIT_SIGN_IN_METHOD", SIGNIN,
                "AUDITWEAVE_EMIT_SIGN_IN_TYPE", "auth.signin",
                "AUDITWEAVE_EMIT_SIGN_IN_DATA_KILO_USER_ID", "args[0].name");

        DeclaredEmit declared = Settings.from(null, Map.of(), environment, null).declaredEmits().get(0);

        assertThat(declared.id()).isEqualTo("sign-in");
        assertThat(declared.data()).containsExactly(new DeclaredEmit.Field("kilo_user_id", "args[0].name"));
        assertThat(declared.label()).endsWith("(environment variable AUDITWEAVE_EMIT_SIGN_IN_METHOD)");
    }

    @Test
    void aSystemPropertyWinsOverTheEnvironment() {
        DeclaredEmit declared = Settings.from(null,
                Map.of("auditweave.emit.parse.method", "com.acme.Json#read", "auditweave.emit.parse.type", "from.sys"),
                Map.of("AUDITWEAVE_EMIT_PARSE_TYPE", "from.env"), null).declaredEmits().get(0);

        assertThat(declared.type()).isEqualTo("from.sys");
    }

    @Test
    void noDeclarationNothingSwitchedOff() {
        Settings settings = Settings.defaults();

        assertThat(settings.declaredEmits()).isEmpty();
        assertThat(settings.disabledMethods()).isEmpty();
        assertThat(settings.disabledTypes()).isEmpty();
    }

    // ---- bad keys and values ----

    @Test
    void aDeclarationWithoutType_namesTheMissingKey() {
        assertThatThrownBy(() -> single(Map.of("auditweave.emit.parse.method", "com.acme.Json#read")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("auditweave.emit.parse.type is not set: auditweave.emit.parse.method (system property)"
                        + " declares emit site 'parse', which needs auditweave.emit.parse.type: expected an event"
                        + " type")
                .extracting(e -> ((ConfigException) e).key()).isEqualTo("auditweave.emit.parse.type");
    }

    @Test
    void aDeclarationWithoutMethod_namesTheMissingKey() {
        assertThatThrownBy(() -> single(Map.of("auditweave.emit.parse.type", "json.parsed")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("auditweave.emit.parse.method is not set: auditweave.emit.parse.type"
                        + " (system property) declares emit site 'parse', which needs auditweave.emit.parse.method:"
                        + " expected " + MethodRef.EXPECTED);
    }

    @Test
    void aBadMethod_namesTheKeyTheValueAndWhatIsWrong() {
        assertThatThrownBy(() -> single(Map.of("auditweave.emit.parse.method", "com.acme.Json#read(String)",
                "auditweave.emit.parse.type", "json.parsed")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("auditweave.emit.parse.method = 'com.acme.Json#read(String)' (system"
                        + " property): ")
                .hasMessageContaining("parameter type 'String' must be written with its package");
    }

    @Test
    void aBadPhase_namesTheKeyAndTheChoices() {
        assertThatThrownBy(() -> single(Map.of("auditweave.emit.parse.method", "com.acme.Json#read",
                "auditweave.emit.parse.type", "json.parsed", "auditweave.emit.parse.phase", "later")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("auditweave.emit.parse.phase = 'later' (system property): ")
                .hasMessageContaining("after_commit").hasMessageContaining("immediate");
    }

    @Test
    void aBadOutcome_namesTheKeyAndTheChoices() {
        assertThatThrownBy(() -> single(Map.of("auditweave.emit.parse.method", "com.acme.Json#read",
                "auditweave.emit.parse.type", "json.parsed", "auditweave.emit.parse.on", "failed")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("auditweave.emit.parse.on = 'failed' (system property): ")
                .hasMessageContaining("returned").hasMessageContaining("thrown");
    }

    @Test
    void anEmptyType_namesTheKey() {
        assertThatThrownBy(() -> single(Map.of("auditweave.emit.parse.method", "com.acme.Json#read",
                "auditweave.emit.parse.type", " ")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("auditweave.emit.parse.type = '' (system property): expected an event type");
    }

    @Test
    void anIdOutsideTheRules_namesTheKeyAndWhatAnIdMayHold() {
        assertThatThrownBy(() -> Settings.from(null, Map.of("auditweave.emit.sign_in.type", "auth.signin"),
                Map.of(), null))
                .isInstanceOf(ConfigException.class)
                .hasMessage("auditweave.emit.sign_in.type = 'auth.signin' (system property): expected a declaration"
                        + " id (letters, digits and -) as <id> in auditweave.emit.<id>.type");
    }

    // ---- switching sites off ----

    @Test
    void disableMethods_aListWhoseParameterListsHoldCommas() {
        Settings settings = Settings.from(null, Map.of("auditweave.disable.methods",
                "com.acme.Users#block(java.lang.String, int), com.acme.Legacy#sync"), Map.of(), null);

        assertThat(settings.disabledMethods()).containsExactly(
                MethodRef.parse("com.acme.Users#block(java.lang.String, int)"), MethodRef.parse("com.acme.Legacy#sync"));
    }

    @Test
    void disableMethods_aBadEntryNamesTheKey() {
        assertThatThrownBy(() -> Settings.from(null, Map.of("auditweave.disable.methods",
                "com.acme.Users#block, Legacy"), Map.of(), null))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("auditweave.disable.methods = 'com.acme.Users#block, Legacy' (system"
                        + " property): ")
                .hasMessageContaining("no '#' between the type and the method");
    }

    @Test
    void disableTypes_patterns() {
        Settings settings = Settings.from(null, Map.of("auditweave.disable.types", "user.*, billing.kilo_pass_changed"),
                Map.of(), null);

        assertThat(settings.disabledTypes()).containsExactly("user.*", "billing.kilo_pass_changed");
    }

    private static DeclaredEmit single(Map<String, String> systemProperties) {
        List<DeclaredEmit> declarations = Settings.from(null, systemProperties, Map.of(), null).declaredEmits();
        assertThat(declarations).hasSize(1);
        return declarations.get(0);
    }
}
