package dev.auditweave.agent.internal.expr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@code RETURNED_ROWS <op> n} with an integer literal compiles to a primitive comparison: it must answer exactly
 * what the general ordering does, for every operator, either side, and every kind of result.
 */
class RowsThresholdTest {

    static class Service {
        public Object anything() {
            return null;
        }
    }

    private static final Scope SCOPE = Compile.scope(Service.class, "anything");

    private static final List<Object> RESULTS = Arrays.asList(null, 0, 1, 2, -1, 5_000_000_000L, (short) 3,
            (byte) 0, Long.MAX_VALUE, true, false, new int[] {1, -2, -3}, new long[0], Optional.empty(), Optional.of("x"),
            List.of(), List.of(1, 2, 3), "a single row");

    @Test
    void theFastComparisonAgreesWithTheGeneralOne() {
        for (String operator : List.of("<", "<=", ">", ">=")) {
            for (long n : new long[] {-1, 0, 1, 2, 3, Long.MAX_VALUE}) {
                CompiledExpression fast = Compile.compile("RETURNED_ROWS " + operator + " " + n, SCOPE);
                CompiledExpression flipped = Compile.compile(n + " " + mirror(operator) + " RETURNED_ROWS", SCOPE);
                // "+ 0" keeps the general OrderingNode: the left side is no longer RETURNED_ROWS itself.
                CompiledExpression general = Compile.compile("RETURNED_ROWS + 0 " + operator + " " + n, SCOPE);
                for (Object result : RESULTS) {
                    Object expected = general.evaluate(new Object[0], result, 0L);
                    assertThat(fast.evaluate(new Object[0], result, 0L))
                            .as("RETURNED_ROWS %s %d on %s", operator, n, result).isEqualTo(expected);
                    assertThat(flipped.evaluate(new Object[0], result, 0L))
                            .as("%d %s RETURNED_ROWS on %s", n, mirror(operator), result).isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void aDecimalOrANonLiteralKeepsTheGeneralComparison() {
        assertThat(Compile.eval("RETURNED_ROWS > 0.5", SCOPE, 1)).isEqualTo(true);
        assertThat(Compile.eval("RETURNED_ROWS > 0.5", SCOPE, 0)).isEqualTo(false);
        assertThat(Compile.eval("RETURNED_ROWS >= -1 * 2", SCOPE, 0)).isEqualTo(true);
    }

    private static String mirror(String operator) {
        switch (operator) {
            case "<":
                return ">";
            case "<=":
                return ">=";
            case ">":
                return "<";
            default:
                return "<=";
        }
    }
}
