package dev.auditweave.agent.internal.expr;

import static dev.auditweave.agent.internal.expr.Compile.compile;
import static dev.auditweave.agent.internal.expr.Compile.eval;
import static dev.auditweave.agent.internal.expr.Compile.fails;
import static dev.auditweave.agent.internal.expr.Compile.scope;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class ArithmeticTest {

    public record StripeEvent(String id, long created) {
    }

    public record LegacyEvent(String id, int created) {
    }

    interface Api {
        void stripe(StripeEvent event);

        void legacy(LegacyEvent event);

        void numbers(int i, Long l, double d, float f, short s, byte b, BigDecimal price, BigInteger big);

        void text(String userId, Long count, boolean flag, Object any);

        void none();
    }

    private static final Scope NUMBERS = scope(Api.class, "numbers");
    private static final Scope TEXT = scope(Api.class, "text");
    private static final Scope NONE = scope(Api.class, "none");

    private static Object numbers(String source) {
        return eval(source, NUMBERS, null, 7, 5L, 2.5, 1.5f, (short) 3, (byte) 2, new BigDecimal("10.25"),
                new BigInteger("100000000000000000000"));
    }

    private static Object text(String source, String userId, Long count, Object any) {
        return eval(source, TEXT, null, userId, count, true, any);
    }

    @Test
    void turnsStripeSecondsIntoEpochMillisFromLongAndIntSources() {
        CompiledExpression fromLong = ExpressionCompiler.compile("event.created * 1000", scope(Api.class, "stripe"),
                Expected.EPOCH_MILLIS);
        assertThat(fromLong.evaluate(new Object[] {new StripeEvent("e", 1_700_000_000L)}, null, 0))
                .isEqualTo(1_700_000_000_000L);
        CompiledExpression fromInt = ExpressionCompiler.compile("event.created * 1000", scope(Api.class, "legacy"),
                Expected.EPOCH_MILLIS);
        // Would overflow as int arithmetic; the language computes in long.
        assertThat(fromInt.evaluate(new Object[] {new LegacyEvent("e", 1_700_000_000)}, null, 0))
                .isEqualTo(1_700_000_000_000L);
    }

    @Test
    void integralOperandsComputeInLong() {
        assertThat(numbers("i + l")).isEqualTo(12L);
        assertThat(numbers("i - l")).isEqualTo(2L);
        assertThat(numbers("i * s")).isEqualTo(21L);
        assertThat(numbers("i / b")).isEqualTo(3L);
        assertThat(numbers("i % l")).isEqualTo(2L);
        assertThat(eval("7 / 2", NONE, null)).isEqualTo(3L);
    }

    @Test
    void aFloatingOperandComputesInDouble() {
        assertThat(numbers("i + d")).isEqualTo(9.5);
        assertThat(numbers("l * f")).isEqualTo(7.5);
        assertThat(numbers("i / 2.0")).isEqualTo(3.5);
        assertThat(numbers("d % 1")).isEqualTo(0.5);
        assertThat(numbers("f + f")).isEqualTo(3.0);
    }

    @Test
    void aBigOperandComputesInBigDecimal() {
        assertThat(numbers("price * 2")).isEqualTo(new BigDecimal("20.50"));
        assertThat(numbers("price + 0.1")).isEqualTo(new BigDecimal("10.35"));
        assertThat(numbers("price - f")).isEqualTo(new BigDecimal("8.75"));
        assertThat(numbers("big + 1")).isEqualTo(new BigDecimal("100000000000000000001"));
        assertThat(numbers("price / 4")).isEqualTo(new BigDecimal("2.5625"));
        assertThat(numbers("price % 3")).isEqualTo(new BigDecimal("1.25"));
        assertThat((BigDecimal) numbers("1 / (price - 10)")).isEqualByComparingTo("4");
    }

    @Test
    void precedenceAndAssociativity() {
        assertThat(eval("1 + 2 * 3", NONE, null)).isEqualTo(7L);
        assertThat(eval("(1 + 2) * 3", NONE, null)).isEqualTo(9L);
        assertThat(eval("10 - 2 - 3", NONE, null)).isEqualTo(5L);
        assertThat(eval("2 * 7 % 4", NONE, null)).isEqualTo(2L);
        assertThat(eval("-2 * -3", NONE, null)).isEqualTo(6L);
    }

    @Test
    void unaryMinus() {
        assertThat(numbers("-i")).isEqualTo(-7L);
        assertThat(numbers("-d")).isEqualTo(-2.5);
        assertThat(numbers("-price")).isEqualTo(new BigDecimal("-10.25"));
        assertThat(numbers("-big")).isEqualTo(new BigInteger("-100000000000000000000"));
        assertThat(eval("-(2 + 3)", NONE, null)).isEqualTo(-5L);
        assertThat(eval("-1", NONE, null)).isEqualTo(-1L);
        assertThat(eval("-1.5", NONE, null)).isEqualTo(-1.5);
        assertThat(text("-count", "u", null, null)).isNull();
    }

    @Test
    void aNullOperandYieldsNull() {
        assertThat(text("count + 1", "u", null, null)).isNull();
        assertThat(text("1 * count", "u", null, null)).isNull();
        assertThat(text("count / 0", "u", null, null)).isNull();
        assertThat(eval("null + 1", NONE, null)).isNull();
    }

    @Test
    void plusWithAStringConcatenates() {
        assertThat(text("'user:' + userId", "42", 1L, null)).isEqualTo("user:42");
        assertThat(text("userId + count", "u", 9L, null)).isEqualTo("u9");
        assertThat(text("count + '/' + userId", "u", 9L, null)).isEqualTo("9/u");
        assertThat(text("flag + userId", "u", 9L, null)).isEqualTo("trueu");
        assertThat(text("\"a\" + 'b'", "u", 9L, null)).isEqualTo("ab");
        assertThat(text("'user:' + userId", null, 1L, null)).isNull();
        assertThat(text("count + 1 + userId", "u", 1L, null)).isEqualTo("2u");
    }

    @Test
    void dynamicOperandsAreCheckedAtRunTime() {
        assertThat(text("any + 1", "u", 1L, 2)).isEqualTo(3L);
        assertThat(text("any + 1", "u", 1L, "a")).isEqualTo("a1");
        assertThat(text("any * 2.5", "u", 1L, 2)).isEqualTo(5.0);
        assertThatThrownBy(() -> text("any * 2", "u", 1L, "a"))
                .isInstanceOf(ExpressionEvaluationException.class)
                .hasMessage("operator '*' needs numbers, but got a java.lang.String");
        assertThatThrownBy(() -> text("any + 1", "u", 1L, true))
                .isInstanceOf(ExpressionEvaluationException.class)
                .hasMessage("operator '+' needs numbers, but got a java.lang.Boolean");
        assertThatThrownBy(() -> text("-any", "u", 1L, "a"))
                .isInstanceOf(ExpressionEvaluationException.class)
                .hasMessage("operator '-' needs a number, but got a java.lang.String");
    }

    @Test
    void divisionByZeroAndOverflowFailLoudly() {
        assertThatThrownBy(() -> numbers("i / 0")).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> numbers("price / 0")).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> eval("9223372036854775807 + 1", NONE, null)).isInstanceOf(ArithmeticException.class);
        assertThat(numbers("d / 0")).isEqualTo(Double.POSITIVE_INFINITY);
    }

    @Test
    void nonNumbersAreRejectedAtCompileTime() {
        fails("'a' * 2", NONE, 0, "operator '*' needs numbers, but 'a' is a String");
        fails("2 * 'a'", NONE, 4, "operator '*' needs numbers, but 'a' is a String");
        fails("flag + 1", TEXT, 0, "operator '+' needs numbers or a String, but flag is a boolean");
        fails("count - userId", TEXT, 8, "operator '-' needs numbers, but userId is a String");
        fails("count / (flag)", TEXT, 8, "operator '/' needs numbers, but (flag) is a boolean");
        fails("-userId", TEXT, 1, "operator '-' needs a number, but userId is a String");
        fails("true % 2", NONE, 0, "operator '%' needs numbers, but true is a boolean");
    }

    @Test
    void literals() {
        assertThat(eval("42", NONE, null)).isEqualTo(42L);
        assertThat(eval("4.25", NONE, null)).isEqualTo(4.25);
        assertThat(eval("'it\\'s'", NONE, null)).isEqualTo("it's");
        assertThat(eval("\"say \\\"hi\\\"\"", NONE, null)).isEqualTo("say \"hi\"");
        assertThat(eval("'back\\\\slash'", NONE, null)).isEqualTo("back\\slash");
        assertThat(eval("'mixed \"quotes\"'", NONE, null)).isEqualTo("mixed \"quotes\"");
        assertThat(eval("true", NONE, null)).isEqualTo(true);
        assertThat(eval("false", NONE, null)).isEqualTo(false);
        assertThat(eval("null", NONE, null)).isNull();
        assertThat(compile(" 1 ", NONE).source()).isEqualTo(" 1 ");
    }
}
