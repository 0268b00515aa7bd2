package dev.auditweave.agent.internal.expr;

import static dev.auditweave.agent.internal.expr.Compile.compile;
import static dev.auditweave.agent.internal.expr.Compile.eval;
import static dev.auditweave.agent.internal.expr.Compile.fails;
import static dev.auditweave.agent.internal.expr.Compile.scope;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code result} and {@code RESULT} beside a parameter named {@code result} (Spring MVC's
 * {@code BindingResult result}) or {@code RESULT}.
 */
class ResultRootsTest {

    /** Stands in for Spring's {@code BindingResult}. */
    public interface BindingResult {
        boolean hasErrors();
    }

    public record Form(String email) {
    }

    public record User(String id) {
    }

    interface Controller {
        String register(Form form, BindingResult result);

        List<User> search(String query, List<String> result);

        void handle(Form form, BindingResult result);

        String review(BindingResult RESULT);

        void discard(BindingResult RESULT);

        String shadow(String RESULT, String NOW, String args);
    }

    private static final Scope REGISTER = scope(Controller.class, "register");

    private static BindingResult errors(boolean any) {
        return () -> any;
    }

    @Test
    void bareResult_isAmbiguousBesideAParameterNamedResult() {
        String reason = "'result' is ambiguous in this method: it is the return value (String) and also parameter "
                + "1 'result' (BindingResult); write 'args[1]' for the parameter, or 'RESULT' for the return value";
        ExpressionException e = catchThrowableOfType(
                () -> ExpressionCompiler.compile("!result.hasErrors", REGISTER, Expected.BOOLEAN),
                ExpressionException.class);
        assertThat(e.reason()).isEqualTo(reason);
        assertThat(e.getMessage()).isEqualTo(reason + " at column 2 in '!result.hasErrors'\n"
                + "!result.hasErrors\n"
                + " ^");
        fails("result", REGISTER, 0, reason);
        fails("form.email != null && result == 'ok'", REGISTER, 22, reason);
    }

    @Test
    void bareResult_ambiguityNamesGenericTypesAsWritten() {
        fails("result", scope(Controller.class, "search"), 0, "'result' is ambiguous in this method: it is the "
                + "return value (List<User>) and also parameter 1 'result' (List<String>); write 'args[1]' for the "
                + "parameter, or 'RESULT' for the return value");
    }

    @Test
    void upperCaseResult_readsTheReturnValueBesideAParameterNamedResult() {
        assertThat(eval("RESULT", REGISTER, "redirect:/done", new Form("a@b.c"), errors(true)))
                .isEqualTo("redirect:/done");
        assertThat(eval("RESULT == 'redirect:/done'", REGISTER, "redirect:/done", new Form("a@b.c"), errors(true)))
                .isEqualTo(true);
        CompiledExpression result = compile("RESULT", REGISTER);
        assertThat(result.readsResult()).isTrue();
        assertThat(result.readsArguments()).isFalse();
    }

    @Test
    void upperCaseResult_hasTheReturnTypeAsStaticType() {
        fails("RESULT.hasErrors", REGISTER, 7, PropertyResolver.missing(String.class, "hasErrors"));
    }

    @Test
    void argsIndex_reachesAParameterNamedResult() {
        assertThat(eval("!args[1].hasErrors", REGISTER, "view", new Form("a@b.c"), errors(false))).isEqualTo(true);
        assertThat(eval("!args[1].hasErrors", REGISTER, "view", new Form("a@b.c"), errors(true))).isEqualTo(false);
        assertThat(compile("args[1].hasErrors", REGISTER).readsResult()).isFalse();
    }

    @Test
    void upperCaseResult_onAVoidMethodIsTheSameErrorAsResult() {
        Scope notify = Scope.of("com.acme.S.notify(String)", List.of("userId"), List.of(String.class), void.class);
        fails("result", notify, 0, "result is not available: com.acme.S.notify(String) returns void");
        fails("RESULT", notify, 0, "RESULT is not available: com.acme.S.notify(String) returns void");
        fails("userId != null && RESULT == null", notify, 18,
                "RESULT is not available: com.acme.S.notify(String) returns void");
    }

    @Test
    void result_onAVoidMethodWithAParameterNamedResultPointsAtArgs() {
        Scope handle = scope(Controller.class, "handle");
        fails("!result.hasErrors", handle, 1, "result is not available: " + handle.description() + " returns void; "
                + "parameter 1 'result' (BindingResult) is written 'args[1]' ('result' always means the return value)");
        assertThat(eval("!args[1].hasErrors", handle, null, new Form("a@b.c"), errors(false))).isEqualTo(true);
    }

    @Test
    void upperCaseResult_winsOverAParameterNamedRESULT() {
        Scope review = scope(Controller.class, "review");
        assertThat(eval("RESULT", review, "approved", errors(true))).isEqualTo("approved");
        assertThat(eval("args[0].hasErrors", review, "approved", errors(true))).isEqualTo(true);
    }

    @Test
    void parameterNamedRESULT_isPointedOutWhenAnErrorFollowsItsUse() {
        Scope review = scope(Controller.class, "review");
        fails("!RESULT.hasErrors", review, 8, PropertyResolver.missing(String.class, "hasErrors")
                + "; note: 'RESULT' is the return value (String), not parameter 0 'RESULT' (BindingResult), "
                + "which is written 'args[0]'");
        fails("RESULT", review, Expected.BOOLEAN, 0, "a guard must be a boolean expression, but RESULT is a String"
                + "; note: 'RESULT' is the return value (String), not parameter 0 'RESULT' (BindingResult), "
                + "which is written 'args[0]'");
    }

    @Test
    void parameterNamedRESULT_onAVoidMethodPointsAtArgs() {
        Scope discard = scope(Controller.class, "discard");
        fails("!RESULT.hasErrors", discard, 1, "RESULT is not available: " + discard.description() + " returns void; "
                + "parameter 0 'RESULT' (BindingResult) is written 'args[0]' ('RESULT' always means the return value)");
    }

    @Test
    void otherBuiltIns_winOverParametersOfTheSameNameAndSaySoInErrors() {
        Scope shadow = scope(Controller.class, "shadow");
        Object[] args = {"the parameter", "also a parameter", "a third"};
        assertThat(compile("NOW", shadow).evaluate(args, "the result", 42L)).isEqualTo(42L);
        fails("NOW == 'x'", shadow, 4, "operator '==' cannot compare NOW (a number) with 'x' (a String)"
                + "; note: 'NOW' is the capture instant in epoch milliseconds, not parameter 1 'NOW' (String), "
                + "which is written 'args[1]'");
    }

    @Test
    void bareArgs_pointsAtAParameterNamedArgs() {
        fails("args", scope(Controller.class, "shadow"), 0,
                "args needs an index, as in args[0]; parameter 2 'args' is written 'args[2]'");
    }
}
