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
 * @param index the parameter read, from 0
 * @param check the operands, compiled to read that parameter in the result's place
 */
public record ArgumentCheck(int index, CompiledExpression check) {

    public ArgumentCheck {
        if (index < 0) {
            throw new IllegalArgumentException("a parameter index is at least 0, not " + index);
        }
        Objects.requireNonNull(check, "check");
    }

    /**
     * Whether the check holds for {@code argument}, the call's parameter {@link #index()} (boxed when primitive).
     *
     * @throws ExpressionEvaluationException as {@link CompiledExpression#evaluate}; whatever an accessor throws is passed on
     */
    public boolean test(Object argument) {
        return check.test(null, argument, 0L);
    }

    /** The operands as written, joined by {@code &&}. */
    public String source() {
        return check.source();
    }
}
