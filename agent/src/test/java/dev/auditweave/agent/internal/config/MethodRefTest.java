package dev.auditweave.agent.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A method named in configuration: its parsing, its precise errors, and which methods it means. */
class MethodRefTest {

    // ---- parsing ----

    @Test
    void parse_classMethodAndParameterTypes() {
        MethodRef ref = MethodRef.parse(" com.acme.Users#block(java.lang.String, int, byte[], com.acme.Outer$Inner[][]) ");

        assertThat(ref.className()).isEqualTo("com.acme.Users");
        assertThat(ref.methodName()).isEqualTo("block");
        assertThat(ref.parameterTypes())
                .containsExactly("java.lang.String", "int", "byte[]", "com.acme.Outer$Inner[][]");
        assertThat(ref).hasToString("com.acme.Users#block(java.lang.String, int, byte[], com.acme.Outer$Inner[][])");
    }

    @Test
    void parse_noParameterListMeansEveryOverload() {
        MethodRef ref = MethodRef.parse("com.acme.Users#block");

        assertThat(ref.parameterTypes()).isNull();
        assertThat(ref.matches("block", List.of())).isTrue();
        assertThat(ref.matches("block", List.of("java.lang.String", "int"))).isTrue();
        assertThat(ref.matches("unblock", List.of())).isFalse();
        assertThat(ref).hasToString("com.acme.Users#block");
    }

    @Test
    void parse_emptyParameterListMeansNoParameters() {
        MethodRef ref = MethodRef.parse("com.acme.Users#purge()");

        assertThat(ref.parameterTypes()).isEmpty();
        assertThat(ref.matches("purge", List.of())).isTrue();
        assertThat(ref.matches("purge", List.of("int"))).isFalse();
    }

    @Test
    void matches_parameterTypesExactlyAndInOrder() {
        MethodRef ref = MethodRef.parse("com.acme.Users#block(java.lang.String,int)");

        assertThat(ref.matches("block", List.of("java.lang.String", "int"))).isTrue();
        assertThat(ref.matches("block", List.of("int", "java.lang.String"))).isFalse();
        assertThat(ref.matches("block", List.of("java.lang.String"))).isFalse();
    }

    // ---- bad input: each message says what is expected and what is wrong ----

    @Test
    void parse_withoutHash() {
        assertThatThrownBy(() -> MethodRef.parse("com.acme.Users.block"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected " + MethodRef.EXPECTED + ": no '#' between the type and the method");
    }

    @Test
    void parse_withoutClass() {
        assertThatThrownBy(() -> MethodRef.parse("#block"))
                .hasMessageEndingWith(": no '#' between the type and the method");
    }

    @Test
    void parse_badClassName() {
        assertThatThrownBy(() -> MethodRef.parse("com.acme..Users#block"))
                .hasMessageEndingWith(": 'com.acme..Users' is not a class name");
    }

    @Test
    void parse_badMethodName() {
        assertThatThrownBy(() -> MethodRef.parse("com.acme.Users#1block"))
                .hasMessageEndingWith(": '1block' is not a method name");
        assertThatThrownBy(() -> MethodRef.parse("com.acme.Users#"))
                .hasMessageEndingWith(": '' is not a method name");
    }

    @Test
    void parse_unclosedParameterList() {
        assertThatThrownBy(() -> MethodRef.parse("com.acme.Users#block(java.lang.String"))
                .hasMessageEndingWith(": the parameter list has no closing ')'");
    }

    @Test
    void parse_badParameterType() {
        assertThatThrownBy(() -> MethodRef.parse("com.acme.Users#block(java.lang.String, )"))
                .hasMessageEndingWith(": '' is not a parameter type");
        assertThatThrownBy(() -> MethodRef.parse("com.acme.Users#block(java.util.List<java.lang.String>)"))
                .hasMessageEndingWith(": 'java.util.List<java.lang.String>' is not a parameter type");
    }

    @Test
    void parse_parameterTypeWithoutPackage() {
        assertThatThrownBy(() -> MethodRef.parse("com.acme.Users#block(String, int)"))
                .hasMessageEndingWith(": parameter type 'String' must be written with its package, such as"
                        + " java.lang.String");
    }
}
