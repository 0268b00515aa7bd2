package dev.auditweave.agent.internal.expr;

import static dev.auditweave.agent.internal.expr.Compile.eval;
import static dev.auditweave.agent.internal.expr.Compile.fails;
import static dev.auditweave.agent.internal.expr.Compile.scope;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ComparisonTest {

    public enum Tier { FREE, PRO, ENTERPRISE }

    public enum Color { RED }

    interface Api {
        void numbers(Integer i, Long l, Double d, BigDecimal b, BigInteger big, int prim);

        void mixed(String name, Tier tier, Tier other, boolean flag, Object any, Long count, Color color);

        void times(Instant start, Instant end);

        void texts(String a, String b);

        void none();
    }

    private static final Scope NUMBERS = scope(Api.class, "numbers");
    private static final Scope MIXED = scope(Api.class, "mixed");
    private static final Scope NONE = scope(Api.class, "none");

    private static boolean numbers(String source, Integer i, Long l, Double d, BigDecimal b) {
        return (Boolean) eval(source, NUMBERS, null, i, l, d, b, BigInteger.TEN, 3);
    }

    private static Object mixed(String source, String name, Tier tier, Object any) {
        return eval(source, MIXED, null, name, tier, Tier.PRO, true, any, 5L, Color.RED);
    }

    @Test
    void numbersCompareByValueAcrossTypes() {
        BigDecimal one = new BigDecimal("1.00");
        assertThat(numbers("i == l", 1, 1L, 1.0, one)).isTrue();
        assertThat(numbers("i == d", 1, 1L, 1.0, one)).isTrue();
        assertThat(numbers("l == b", 1, 1L, 1.0, one)).isTrue();
        assertThat(numbers("d == b", 1, 1L, 1.0, one)).isTrue();
        assertThat(numbers("b == 1", 1, 1L, 1.0, one)).isTrue();
        assertThat(numbers("big == 10.0", 1, 1L, 1.0, one)).isTrue();
        assertThat(numbers("prim == 3", 1, 1L, 1.0, one)).isTrue();
        assertThat(numbers("i != l", 1, 2L, 1.0, one)).isTrue();
        assertThat(numbers("d == l", 1, 1L, 1.5, one)).isFalse();
        assertThat(eval("1 == 1.0", NONE, null)).isEqualTo(true);
        assertThat(eval("0.0 == -0.0", NONE, null)).isEqualTo(true);
    }

    @Test
    void orderingAcrossNumericTypes() {
        BigDecimal b = new BigDecimal("2.50");
        assertThat(numbers("i < l", 1, 2L, 2.5, b)).isTrue();
        assertThat(numbers("l < d", 1, 2L, 2.5, b)).isTrue();
        assertThat(numbers("d <= b", 1, 2L, 2.5, b)).isTrue();
        assertThat(numbers("d >= b", 1, 2L, 2.5, b)).isTrue();
        assertThat(numbers("b > l", 1, 2L, 2.5, b)).isTrue();
        assertThat(numbers("b > big", 1, 2L, 2.5, b)).isFalse();
        assertThat(numbers("i >= 1", 1, 2L, 2.5, b)).isTrue();
        assertThat(numbers("i > 1", 1, 2L, 2.5, b)).isFalse();
        assertThat(numbers("d > 2", 1, 2L, 2.5, b)).isTrue();
        assertThat(numbers("d < b", 1, 2L, 2.5, b)).isFalse();
    }

    @Test
    void longAndDoubleCompareExactlyBeyondDoublePrecision() {
        assertThat(eval("9007199254740993 == 9007199254740992.0", NONE, null)).isEqualTo(false);
        assertThat(eval("9007199254740993 > 9007199254740992.0", NONE, null)).isEqualTo(true);
        assertThat(eval("9223372036854775807 < 9223372036854775808.0", NONE, null)).isEqualTo(true);
        assertThat(eval("2 > 1.5", NONE, null)).isEqualTo(true);
        assertThat(eval("-2 < -1.5", NONE, null)).isEqualTo(true);
    }

    @Test
    void nanIsNeitherEqualNorOrdered() {
        double nan = Double.NaN;
        assertThat(numbers("d == d", 1, 1L, nan, BigDecimal.ONE)).isFalse();
        assertThat(numbers("d != d", 1, 1L, nan, BigDecimal.ONE)).isTrue();
        assertThat(numbers("d < 1", 1, 1L, nan, BigDecimal.ONE)).isFalse();
        assertThat(numbers("d >= 1", 1, 1L, nan, BigDecimal.ONE)).isFalse();
        assertThat(numbers("d > b", 1, 1L, Double.POSITIVE_INFINITY, BigDecimal.ONE)).isTrue();
        assertThat(numbers("b > d", 1, 1L, Double.NEGATIVE_INFINITY, BigDecimal.ONE)).isTrue();
    }

    @Test
    void anOrderingWithNullIsFalse() {
        assertThat(numbers("i < 5", null, 1L, 1.0, BigDecimal.ONE)).isFalse();
        assertThat(numbers("i >= 5", null, 1L, 1.0, BigDecimal.ONE)).isFalse();
        assertThat(numbers("5 > i", null, 1L, 1.0, BigDecimal.ONE)).isFalse();
        assertThat(eval("1 < null", NONE, null)).isEqualTo(false);
    }

    @Test
    void equalityWithNull() {
        assertThat(numbers("i == null", null, 1L, 1.0, BigDecimal.ONE)).isTrue();
        assertThat(numbers("null != i", null, 1L, 1.0, BigDecimal.ONE)).isFalse();
        assertThat(numbers("i == l", null, 1L, 1.0, BigDecimal.ONE)).isFalse();
        assertThat(numbers("i == l", null, null, 1.0, BigDecimal.ONE)).isTrue();
        assertThat(eval("null == null", NONE, null)).isEqualTo(true);
        assertThat(mixed("name != null", "ada", Tier.PRO, null)).isEqualTo(true);
    }

    @Test
    void stringsCompareByEqualsAndCompareTo() {
        assertThat(mixed("name == 'ada'", "ada", Tier.PRO, null)).isEqualTo(true);
        assertThat(mixed("name == \"ada\"", "ada", Tier.PRO, null)).isEqualTo(true);
        assertThat(mixed("name != 'bob'", "ada", Tier.PRO, null)).isEqualTo(true);
        assertThat(mixed("name < 'b'", "ada", Tier.PRO, null)).isEqualTo(true);
        assertThat(mixed("name >= 'adb'", "ada", Tier.PRO, null)).isEqualTo(false);
    }

    @Test
    void twoStrings_areEqualByValue_andNullEqualsOnlyNull() {
        Scope texts = scope(Api.class, "texts");
        String ada = new String("ada");

        assertThat(eval("a == 'ada'", texts, null, ada, null)).isEqualTo(true);
        assertThat(eval("'ada' == a", texts, null, ada, null)).isEqualTo(true);
        assertThat(eval("a == b", texts, null, ada, "ada")).isEqualTo(true);
        assertThat(eval("a != b", texts, null, ada, "bob")).isEqualTo(true);
        assertThat(eval("a == 'ada'", texts, null, null, null)).isEqualTo(false);
        assertThat(eval("a != 'ada'", texts, null, null, null)).isEqualTo(true);
        assertThat(eval("a == b", texts, null, null, "ada")).isEqualTo(false);
        assertThat(eval("a == b", texts, null, null, null)).isEqualTo(true);
    }

    @Test
    void anEnumComparedWithAStringThatNamesNoConstant_isAnError() {
        String tier = Tier.class.getName();
        fails("tier == 'pro'", MIXED, 8, "'pro' is not a constant of " + tier + " (it has: FREE, PRO, ENTERPRISE),"
                + " so tier == 'pro' is always false; did you mean 'PRO'?");
        fails("('GOLD') != tier", MIXED, 1, "'GOLD' is not a constant of " + tier + " (it has: FREE, PRO,"
                + " ENTERPRISE), so ('GOLD') != tier is always true");
    }

    @Test
    void anEnumEqualsItsName() {
        assertThat(mixed("tier == 'PRO'", "n", Tier.PRO, null)).isEqualTo(true);
        assertThat(mixed("'PRO' == tier", "n", Tier.PRO, null)).isEqualTo(true);
        assertThat(mixed("tier != 'FREE'", "n", Tier.PRO, null)).isEqualTo(true);
        assertThat(mixed("tier == other", "n", Tier.PRO, null)).isEqualTo(true);
        assertThat(mixed("tier == name", "PRO", Tier.PRO, null)).isEqualTo(true);
        assertThat(mixed("any == 'PRO'", "n", Tier.PRO, Tier.PRO)).isEqualTo(true);
        assertThat(mixed("tier < other", "n", Tier.FREE, null)).isEqualTo(true);
    }

    @Test
    void booleansCompareByEquals() {
        assertThat(mixed("flag == true", "n", Tier.PRO, null)).isEqualTo(true);
        assertThat(mixed("flag != false", "n", Tier.PRO, null)).isEqualTo(true);
        assertThat(mixed("(count > 1) == flag", "n", Tier.PRO, null)).isEqualTo(true);
    }

    @Test
    void otherComparableValuesUseCompareTo() {
        Instant earlier = Instant.parse("2024-01-01T00:00:00Z");
        Instant later = Instant.parse("2024-06-01T00:00:00Z");
        assertThat(eval("start < end", scope(Api.class, "times"), null, earlier, later)).isEqualTo(true);
        assertThat(eval("start == end", scope(Api.class, "times"), null, earlier, Instant.from(earlier)))
                .isEqualTo(true);
    }

    @Test
    void dynamicValuesAreComparedByTheirRunTimeTypes() {
        assertThat(mixed("any == 5", "n", Tier.PRO, 5.0)).isEqualTo(true);
        assertThat(mixed("any < count", "n", Tier.PRO, 4)).isEqualTo(true);
        assertThat(mixed("any > 'a'", "n", Tier.PRO, "b")).isEqualTo(true);
        assertThat(mixed("any == 'x'", "n", Tier.PRO, 5)).isEqualTo(false);
        assertThatThrownBy(() -> mixed("any < 1", "n", Tier.PRO, "a"))
                .isInstanceOf(ExpressionEvaluationException.class)
                .hasMessage("operator '<' cannot compare a java.lang.String with a java.lang.Long");
    }

    @Test
    void clearlyIncomparableStaticTypesAreRejected() {
        fails("name < count", MIXED, 5, "operator '<' cannot compare name (a String) with count (a number)");
        fails("name == 5", MIXED, 5, "operator '==' cannot compare name (a String) with 5 (a number)");
        fails("count != 'x'", MIXED, 6, "operator '!=' cannot compare count (a number) with 'x' (a String)");
        fails("flag < true", MIXED, 5, "operator '<' cannot compare flag (a boolean) with true (a boolean)");
        fails("flag == 1", MIXED, 5, "operator '==' cannot compare flag (a boolean) with 1 (a number)");
        fails("tier == 1", MIXED, 5, "operator '==' cannot compare tier (a "
                + Tier.class.getName() + ") with 1 (a number)");
        fails("tier == color", MIXED, 5, "operator '==' cannot compare tier (a "
                + Tier.class.getName() + ") with color (a " + Color.class.getName() + ")");
        fails("tier < 'PRO'", MIXED, 5, "operator '<' cannot compare tier (a "
                + Tier.class.getName() + ") with 'PRO' (a String)");
    }
}
