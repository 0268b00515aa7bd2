package dev.auditweave.agent.internal.expr;

import static dev.auditweave.agent.internal.expr.Compile.compile;
import static dev.auditweave.agent.internal.expr.Compile.fails;
import static dev.auditweave.agent.internal.expr.Compile.method;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code THROWN} in the scope of an {@code on = Outcome.THROWN} annotation, and the roots it replaces. */
class ThrownRootTest {

    static class CardDeclinedException extends RuntimeException {
        CardDeclinedException(String message) {
            super(message);
        }
    }

    interface Payments {
        String charge(String userId, long amount);

        void refund(String userId, String result);

        String chargeAs(String THROWN);
    }

    private static final Scope CHARGE = Scope.of(method(Payments.class, "charge"));
    private static final Scope CHARGE_THROWN = CHARGE.onThrown();
    private static final Thrown DECLINED = Thrown.of(new CardDeclinedException("insufficient funds"));

    // ---------------------------------------------------------------- the value

    @Test
    void thrownOf_namesTheSimpleAndTheQualifiedClassAndTheMessage() {
        assertThat(DECLINED).isEqualTo(new Thrown("CardDeclinedException",
                CardDeclinedException.class.getName(), "insufficient funds"));
        assertThat(Thrown.of(new IllegalStateException()).message()).isNull();
    }

    @Test
    void thrownOf_anAnonymousClassIsNamedByWhatFollowsTheLastDot() {
        Thrown anonymous = Thrown.of(new RuntimeException("x") { });

        assertThat(anonymous.type()).isEqualTo("ThrownRootTest$1");
        assertThat(anonymous.className()).isEqualTo(ThrownRootTest.class.getName() + "$1");
    }

    // ---------------------------------------------------------------- reading it

    @Test
    void thrown_propertiesAreReadFromTheResultSlot() {
        assertThat(compile("THROWN.type", CHARGE_THROWN).evaluate(new Object[] {"u-1", 5L}, DECLINED, 0L))
                .isEqualTo("CardDeclinedException");
        assertThat(compile("THROWN.className", CHARGE_THROWN).evaluate(null, DECLINED, 0L))
                .isEqualTo(CardDeclinedException.class.getName());
        assertThat(compile("THROWN.message", CHARGE_THROWN).evaluate(null, DECLINED, 0L))
                .isEqualTo("insufficient funds");
    }

    @Test
    void thrown_aGuardOnTheTypeReadsNoArguments_soTheExceptionAloneDecidesIt() {
        CompiledExpression guard = ExpressionCompiler.compile("THROWN.type == 'CardDeclinedException'",
                CHARGE_THROWN, Expected.BOOLEAN);

        assertThat(guard.readsArguments()).isFalse();
        assertThat(guard.readsNow()).isFalse();
        assertThat(guard.test(null, DECLINED, 0L)).isTrue();
        assertThat(guard.test(null, Thrown.of(new IllegalStateException("no")), 0L)).isFalse();
    }

    @Test
    void thrown_argumentsStayAvailable() {
        CompiledExpression guard = ExpressionCompiler.compile("amount > 100 && THROWN.message != null",
                CHARGE_THROWN, Expected.BOOLEAN);

        assertThat(guard.readsArguments()).isTrue();
        assertThat(guard.test(new Object[] {"u-1", 500L}, DECLINED, 0L)).isTrue();
        assertThat(guard.test(new Object[] {"u-1", 5L}, DECLINED, 0L)).isFalse();
    }

    @Test
    void thrown_isTypedStatically_itsMessageIsAString() {
        fails("THROWN.message > 3", CHARGE_THROWN, Expected.BOOLEAN, 15,
                "operator '>' cannot compare THROWN.message (a String) with 3 (a number)");
    }

    @Test
    void thrown_anUnknownPropertyNamesWhatItHas() {
        fails("THROWN.mesage", CHARGE_THROWN, 7,
                "no property 'mesage' on THROWN (it has: type, className, message); did you mean 'message'?");
    }

    @Test
    void thrown_aloneIsAValue() {
        assertThat(compile("THROWN", CHARGE_THROWN).evaluate(null, DECLINED, 0L)).isSameAs(DECLINED);
    }

    // ---------------------------------------------------------------- where it is an error

    @Test
    void thrown_inAReturnedAnnotationIsAnError() {
        fails("THROWN.type == 'X'", CHARGE, Expected.BOOLEAN, 0, "THROWN is only available with on = Outcome.THROWN,"
                + " but this annotation fires when " + CHARGE.description() + " returns normally"
                + " (on = Outcome.RETURNED); add on = Outcome.THROWN to emit on the exception, or read the return"
                + " value as 'result'");
    }

    @Test
    void resultRoots_inAThrownAnnotationAreErrors() {
        String tail = " is not available with on = Outcome.THROWN: " + CHARGE.description()
                + " threw, so there is no result; THROWN is the exception (THROWN.type, THROWN.className,"
                + " THROWN.message)";
        fails("result", CHARGE_THROWN, 0, "result (the return value)" + tail);
        fails("RESULT.length", CHARGE_THROWN, 0, "RESULT (the return value)" + tail);
        fails("RETURNED_ROWS > 0", CHARGE_THROWN, Expected.BOOLEAN, 0, "RETURNED_ROWS (the rows the result reports)"
                + tail);
        fails("INSERTED", CHARGE_THROWN, Expected.BOOLEAN, 0, "INSERTED (whether the result reports an insert)"
                + tail);
    }

    @Test
    void resultRoots_inAThrownAnnotationOnAVoidMethodAreTheSameError() {
        Scope refund = Scope.of(method(Payments.class, "refund")).onThrown();

        fails("result", refund, 0, "result (the return value) is not available with on = Outcome.THROWN: "
                + refund.description() + " threw, so there is no result; THROWN is the exception (THROWN.type,"
                + " THROWN.className, THROWN.message); parameter 1 'result' (String) is written 'args[1]'");
    }

    @Test
    void unknownName_inAThrownAnnotationListsItsBuiltIns() {
        fails("THROWM.type", CHARGE_THROWN, 0, "unknown name 'THROWM'; parameters are: userId, amount;"
                + " built-ins: args[i], THROWN, NOW, ACTOR, REQUEST, TRACE, MDC; did you mean 'THROWN'?");
    }

    @Test
    void thrown_winsOverAParameterOfTheSameName_andLaterErrorsSaySo() {
        Scope scope = Scope.of(method(Payments.class, "chargeAs")).onThrown();

        assertThat(compile("THROWN.type", scope).evaluate(new Object[] {"p"}, DECLINED, 0L))
                .isEqualTo("CardDeclinedException");
        fails("THROWN.type > 1", scope, Expected.BOOLEAN, 12, "operator '>' cannot compare THROWN.type (a String)"
                + " with 1 (a number); note: 'THROWN' is the exception the method threw, not parameter 0 'THROWN'"
                + " (String), which is written 'args[0]'");
    }
}
