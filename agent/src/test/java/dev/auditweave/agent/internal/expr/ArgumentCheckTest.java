package dev.auditweave.agent.internal.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * {@link ExpressionCompiler#argumentCheck}: the operands of a guard's top-level {@code &&} that read one parameter and
 * nothing else of the call, which the calling thread evaluates with that argument alone.
 */
class ArgumentCheckTest {

    record Account(String status, int strikes) {
    }

    @SuppressWarnings("unused")
    static final class Fixtures {
        int block(String userId, String reason) {
            return 0;
        }

        void charge(String userId, long amount) {
        }

        void suspend(Account account, Object payload) {
        }
    }

    private final Scope block = Compile.scope(Fixtures.class, "block");

    private static ArgumentCheck check(String guard, Scope scope) {
        return ExpressionCompiler.argumentCheck(ExpressionCompiler.compile(guard, scope, Expected.BOOLEAN), scope);
    }

    @Test
    void aGuardOnOneArgument_isCheckedWithThatArgumentAlone() {
        ArgumentCheck fraud = check("reason == 'fraud'", block);

        assertThat(fraud.index()).isEqualTo(1);
        assertThat(fraud.source()).isEqualTo("(reason == 'fraud')");
        assertThat(fraud.test("fraud")).isTrue();
        assertThat(fraud.test("spam")).isFalse();
        assertThat(fraud.test(null)).isFalse();
    }

    @Test
    void theArgumentOperands_areKept_besideTheResultOnes() {
        assertThat(check("reason != null && RETURNED_ROWS > 0", block).source()).isEqualTo("(reason != null)");
        assertThat(check("RETURNED_ROWS > 0 && (args[1] != null && reason != 'test')", block).source())
                .isEqualTo("(args[1] != null) && (reason != 'test')");
    }

    @Test
    void onlyTheFirstArgumentReadAlone_isChecked() {
        ArgumentCheck first = check("userId != null && reason == 'fraud'", block);

        assertThat(first.index()).isZero();
        assertThat(first.source()).isEqualTo("(userId != null)");
    }

    @Test
    void anOperandThatReadsMoreThanOneThingOfTheCall_isLeftToTheWholeGuard() {
        assertThat(check("userId == reason", block)).isNull();
        assertThat(check("reason == 'fraud' || RETURNED_ROWS > 0", block)).isNull();
        assertThat(check("reason + RETURNED_ROWS == 'x1'", block)).isNull();
        assertThat(check("ACTOR != null && reason == 'fraud'", block).source()).isEqualTo("(reason == 'fraud')");
        assertThat(check("NOW > 0 && reason == 'fraud'", block).source()).isEqualTo("(reason == 'fraud')");
        assertThat(check("ACTOR == null || userId == 'u-1'", block)).isNull();
    }

    @Test
    void aGuardThatReadsNoArgument_hasNoArgumentCheck() {
        assertThat(check("RETURNED_ROWS > 0", block)).isNull();
    }

    @Test
    void aPrimitiveArgument_isReadBoxed() {
        ArgumentCheck large = check("amount > 10000", Compile.scope(Fixtures.class, "charge"));

        assertThat(large.index()).isEqualTo(1);
        assertThat(large.test(20_000L)).isTrue();
        assertThat(large.test(5L)).isFalse();
    }

    @Test
    void aPropertyPathOfTheArgument_isRead() {
        ArgumentCheck flagged = check("account.status == 'FLAGGED' && account.strikes > 2",
                Compile.scope(Fixtures.class, "suspend"));

        assertThat(flagged.index()).isZero();
        assertThat(flagged.test(new Account("FLAGGED", 3))).isTrue();
        assertThat(flagged.test(new Account("FLAGGED", 1))).isFalse();
        assertThat(flagged.test(null)).isFalse();
    }

    @Test
    void aDynamicallyTypedArgumentWithoutTheProperty_throws_forTheCallerToLeaveItToTheWholeGuard() {
        ArgumentCheck kind = check("payload.kind == 'refund'", Compile.scope(Fixtures.class, "suspend"));

        assertThat(kind.index()).isEqualTo(1);
        assertThatThrownBy(() -> kind.test(42)).isInstanceOf(ExpressionEvaluationException.class);
    }

    @Test
    void aTextParameterComparedWithALiteral_keepsTheLiteral_andAnswersAsItsTree() {
        ArgumentCheck fraud = check("reason == 'fraud'", block);
        ArgumentCheck notSpam = check("'spam' != reason && RETURNED_ROWS > 0", block);

        assertThat(fraud.text()).isEqualTo("fraud");
        assertThat(fraud.unequal()).isFalse();
        assertThat(notSpam.text()).isEqualTo("spam");
        assertThat(notSpam.unequal()).isTrue();
        for (String argument : new String[] {"fraud", new String("fraud"), "spam", "", null}) {
            assertThat(fraud.test(argument)).as("%s", argument).isEqualTo(fraud.check().test(null, argument, 0L));
            assertThat(notSpam.test(argument)).as("%s", argument).isEqualTo(notSpam.check().test(null, argument, 0L));
        }
    }

    @Test
    void onlyAComparisonOfTheTextParameterItself_keepsALiteral() {
        Scope suspend = Compile.scope(Fixtures.class, "suspend");

        assertThat(check("reason == 'fraud' && reason != 'spam'", block).text()).as("two operands").isNull();
        assertThat(check("reason != null", block).text()).as("no text").isNull();
        assertThat(check("account.status == 'FLAGGED'", suspend).text()).as("a property").isNull();
        assertThat(check("payload == 'refund'", suspend).text()).as("not declared String").isNull();
    }

    @Test
    void onlyAComparisonWithATextIsUnequal() {
        CompiledExpression any = ExpressionCompiler.compile("true", block, Expected.BOOLEAN);

        assertThatThrownBy(() -> new ArgumentCheck(0, any, null, true)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("only a comparison with a text is unequal: true");
    }

    @Test
    void aCheckNeedsAParameterIndex() {
        CompiledExpression any = ExpressionCompiler.compile("true", block, Expected.BOOLEAN);

        assertThatThrownBy(() -> new ArgumentCheck(-1, any)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a parameter index is at least 0, not -1");
    }
}
