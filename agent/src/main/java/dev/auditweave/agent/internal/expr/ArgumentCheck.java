package dev.auditweave.agent.internal.expr;

import java.util.Objects;

/**
 * What one argument alone decides of a guard ({@link ExpressionCompiler#argumentCheck}): the operands of its top-level
 * {@code &&} that read parameter {@link #index()} and nothing else of the call, which must hold for the guard to
 * hold. The calling thread evaluates it with that one argument, before it builds the arguments array.
 *
 * <pre>{@code
 * ArgumentCheck fraud = ExpressionCompiler.argumentCheck(guard, scope); // guard: "reason == 'fraud'"
 * fraud.index();           // 1, the parameter reason of block(String userId, String reason)
 * fraud.test("spam");      // false: the call is ruled out
 * }</pre>
 *
 * <p>The commonest check, a text parameter compared with a literal ({@code reason == 'fraud'},
 * {@code reason != 'spam'}), also keeps that literal, and {@link #test} compares with it directly: no tree to walk on a
 * path inlined into every instrumented method.
 *
 * @param index   the parameter read, from 0
 * @param check   the operands, compiled to read that parameter in the result's place
 * @param text    the literal a parameter declared {@code String} is compared with, when {@code check} is just that
 *                comparison; else {@code null}
 * @param unequal whether that comparison is {@code !=}; {@code false} without a {@code text}
 */
public record ArgumentCheck(int index, CompiledExpression check, String text, boolean unequal) {

    public ArgumentCheck {
        if (index < 0) {
            throw new IllegalArgumentException("a parameter index is at least 0, not " + index);
        }
        Objects.requireNonNull(check, "check");
        if (text == null && unequal) {
            throw new IllegalArgumentException("only a comparison with a text is unequal: " + check);
        }
    }

    /** A check evaluated by its compiled {@code check} alone. */
    public ArgumentCheck(int index, CompiledExpression check) {
        this(index, check, null, false);
    }

    /**
     * Whether the check holds for {@code argument}, the call's parameter {@link #index()} (boxed when primitive).
     *
     * @throws ExpressionEvaluationException as {@link CompiledExpression#evaluate}; whatever an accessor throws is passed on
     */
    public boolean test(Object argument) {
        String compared = text;
        return compared != null ? unequal != compared.equals(argument) : check.test(null, argument, 0L);
    }

    /** The operands as written, joined by {@code &&}. */
    public String source() {
        return check.source();
    }
}
