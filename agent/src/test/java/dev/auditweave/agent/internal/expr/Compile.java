package dev.auditweave.agent.internal.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.util.Arrays;
import org.assertj.core.api.AbstractThrowableAssert;

/** Test helpers: scopes from fixture methods, one-line evaluation and compile-error assertions. */
final class Compile {

    private Compile() {
    }

    static Method method(Class<?> type, String name) {
        return Arrays.stream(type.getDeclaredMethods()).filter(m -> m.getName().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no method " + name + " on " + type));
    }

    static Scope scope(Class<?> type, String methodName) {
        return Scope.of(method(type, methodName));
    }

    static CompiledExpression compile(String source, Scope scope) {
        return ExpressionCompiler.compile(source, scope, Expected.ANY);
    }

    static Object eval(String source, Scope scope, Object result, Object... args) {
        return compile(source, scope).evaluate(args, result, 0L);
    }

    /** Asserts that compiling fails with exactly {@code reason} at {@code position}. */
    static void fails(String source, Scope scope, Expected expected, int position, String reason) {
        assertThatThrownBy(() -> ExpressionCompiler.compile(source, scope, expected))
                .isInstanceOfSatisfying(ExpressionException.class, e -> {
                    assertThat(e.reason()).isEqualTo(reason);
                    assertThat(e.position()).isEqualTo(position);
                    assertThat(e.expression()).isEqualTo(source);
                });
    }

    static void fails(String source, Scope scope, int position, String reason) {
        fails(source, scope, Expected.ANY, position, reason);
    }

    static AbstractThrowableAssert<?, ? extends Throwable> failsWith(String source, Scope scope) {
        return assertThatThrownBy(() -> ExpressionCompiler.compile(source, scope, Expected.ANY))
                .isInstanceOf(ExpressionException.class);
    }
}
