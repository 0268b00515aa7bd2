package dev.auditweave.agent.internal.expr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link ExpressionCompiler#resultCheck}: what the result alone decides of a guard (the guard itself, or the operands
 * of its top-level {@code &&} that read only the result), which the calling thread evaluates before it builds the
 * arguments array.
 */
class ResultCheckTest {

    @SuppressWarnings("unused")
    static final class Fixtures {
        int block(String userId, String reason) {
            return 0;
        }

        Map<String, Object> lookup(String userId) {
            return Map.of();
        }
    }

    private final Scope block = Compile.scope(Fixtures.class, "block");

    private CompiledExpression precondition(String guard, Scope scope) {
        return ExpressionCompiler.resultCheck(ExpressionCompiler.compile(guard, scope, Expected.BOOLEAN), scope);
    }

    @Test
    void anArgumentAndARowsOperand_keepsTheRowsOperand() {
        CompiledExpression rows = precondition("reason != null && RETURNED_ROWS > 0", block);

        assertThat(rows.source()).isEqualTo("(RETURNED_ROWS > 0)");
        assertThat(rows.readsArguments()).isFalse();
        assertThat(rows.test(null, 0, 0L)).isFalse();
        assertThat(rows.test(null, 3, 0L)).isTrue();
    }

    @Test
    void everyResultOperandAtTheTopLevel_isKept_throughParentheses() {
        CompiledExpression rows = precondition("(RETURNED_ROWS > 0 && reason == 'spam') && (RETURNED_ROWS < 10)",
                block);

        assertThat(rows.source()).isEqualTo("(RETURNED_ROWS > 0) && (RETURNED_ROWS < 10)");
        assertThat(rows.test(null, 12, 0L)).isFalse();
        assertThat(rows.test(null, 5, 0L)).isTrue();
    }

    @Test
    void anOrIsOneOperand_soAMixedOneIsNotAPrecondition() {
        assertThat(precondition("reason == 'spam' || RETURNED_ROWS > 0", block)).isNull();
        assertThat(precondition("userId != null && (reason == 'spam' || RETURNED_ROWS > 0)", block)).isNull();
    }

    @Test
    void aGuardOnTheResultAlone_isItsOwnCheck() {
        CompiledExpression guard = ExpressionCompiler.compile("RETURNED_ROWS > 0", block, Expected.BOOLEAN);

        assertThat(ExpressionCompiler.resultCheck(guard, block)).isSameAs(guard);
    }

    @Test
    void theClockIsNotTheResult() {
        assertThat(precondition("NOW > 0 && reason != null", block)).isNull();
        assertThat(precondition("NOW > 0 && RETURNED_ROWS > 0", block).source()).isEqualTo("(RETURNED_ROWS > 0)");
    }

    @Test
    void aPropertyOfTheResult_isKept() {
        Scope lookup = Compile.scope(Fixtures.class, "lookup");

        CompiledExpression found = precondition("userId != null && result.status == 'active'", lookup);

        assertThat(found.source()).isEqualTo("(result.status == 'active')");
        assertThat(found.test(null, Map.of("status", "active"), 0L)).isTrue();
        assertThat(found.test(null, Map.of("status", "gone"), 0L)).isFalse();
    }
}
