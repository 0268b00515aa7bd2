package dev.auditweave.agent.internal.expr;

import static dev.auditweave.agent.internal.expr.Compile.eval;
import static dev.auditweave.agent.internal.expr.Compile.fails;
import static dev.auditweave.agent.internal.expr.Compile.scope;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LogicTest {

    public static class Bomb {
        public boolean isExploded() {
            throw new IllegalStateException("evaluated although short-circuited");
        }
    }

    interface Api {
        void flags(boolean a, Boolean b, Boolean c, Bomb bomb, Object any, long count);
    }

    private static final Scope FLAGS = scope(Api.class, "flags");

    private static Object eval3(String source, boolean a, Boolean b, Boolean c) {
        return eval(source, FLAGS, null, a, b, c, new Bomb(), null, 3L);
    }

    @Test
    void andOrNot() {
        assertThat(eval3("a && b", true, true, false)).isEqualTo(true);
        assertThat(eval3("a && c", true, true, false)).isEqualTo(false);
        assertThat(eval3("c || b", true, true, false)).isEqualTo(true);
        assertThat(eval3("c || c", true, true, false)).isEqualTo(false);
        assertThat(eval3("!c", true, true, false)).isEqualTo(true);
        assertThat(eval3("!!a", true, true, false)).isEqualTo(true);
    }

    @Test
    void nullCountsAsFalse() {
        assertThat(eval3("!b", true, null, false)).isEqualTo(true);
        assertThat(eval3("b && a", true, null, false)).isEqualTo(false);
        assertThat(eval3("b || a", true, null, false)).isEqualTo(true);
        assertThat(eval3("!null", true, null, false)).isEqualTo(true);
        assertThat(eval3("null || b", true, null, false)).isEqualTo(false);
    }

    @Test
    void shortCircuits() {
        assertThat(eval3("c && bomb.exploded", true, true, false)).isEqualTo(false);
        assertThat(eval3("b && bomb.exploded || a", true, null, false)).isEqualTo(true);
        assertThat(eval3("a || bomb.exploded", true, true, false)).isEqualTo(true);
        assertThatThrownBy(() -> eval3("a && bomb.exploded", true, true, false))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void precedence() {
        // && binds tighter than ||: true || (false && false).
        assertThat(eval3("a || c && c", true, true, false)).isEqualTo(true);
        assertThat(eval3("(a || c) && c", true, true, false)).isEqualTo(false);
        // ! binds tighter than ==: (!c) == a.
        assertThat(eval3("!c == a", true, true, false)).isEqualTo(true);
        assertThat(eval3("count > 1 && count < 5", true, true, false)).isEqualTo(true);
        assertThat(eval3("!(count > 1)", true, true, false)).isEqualTo(false);
    }

    @Test
    void dynamicOperandsMustBeBooleansAtRunTime() {
        assertThat(eval("any && a", FLAGS, null, true, true, true, new Bomb(), Boolean.TRUE, 3L)).isEqualTo(true);
        assertThat(eval("!any", FLAGS, null, true, true, true, new Bomb(), null, 3L)).isEqualTo(true);
        assertThatThrownBy(() -> eval("any || a", FLAGS, null, true, true, true, new Bomb(), "yes", 3L))
                .isInstanceOf(ExpressionEvaluationException.class)
                .hasMessage("operator '||' needs a boolean, but got a java.lang.String");
    }

    @Test
    void operandsMustBeBooleans() {
        fails("count && a", FLAGS, 0, "operator '&&' needs booleans, but count is a number");
        fails("a || 'yes'", FLAGS, 5, "operator '||' needs booleans, but 'yes' is a String");
        fails("!count", FLAGS, 1, "operator '!' needs a boolean, but count is a number");
        fails("a && (count + 1)", FLAGS, 5, "operator '&&' needs booleans, but (count + 1) is a number");
        fails("!bomb", FLAGS, 1, "operator '!' needs a boolean, but bomb is a " + Bomb.class.getName());
    }

    @Test
    void theLeftOperandIsReportedFirstWhenBothAreNotBooleans() {
        fails("count || 'yes'", FLAGS, 0, "operator '||' needs booleans, but count is a number");
        fails("count && 'yes'", FLAGS, 0, "operator '&&' needs booleans, but count is a number");
    }
}
