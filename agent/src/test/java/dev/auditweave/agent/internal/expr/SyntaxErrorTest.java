package dev.auditweave.agent.internal.expr;

import static dev.auditweave.agent.internal.expr.Compile.fails;
import static dev.auditweave.agent.internal.expr.Compile.scope;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

class SyntaxErrorTest {

    interface Api {
        int blockUser(String userId, String reason);
    }

    private static final Scope SCOPE = scope(Api.class, "blockUser");

    @Test
    void theMessageNamesTheColumnAndPointsAtIt() {
        ExpressionException e = catchThrowableOfType(
                () -> ExpressionCompiler.compile("reason == usrId", SCOPE, Expected.BOOLEAN), ExpressionException.class);
        assertThat(e.expression()).isEqualTo("reason == usrId");
        assertThat(e.position()).isEqualTo(10);
        assertThat(e.reason()).startsWith("unknown name 'usrId'");
        assertThat(e.getMessage()).isEqualTo(e.reason() + " at column 11 in 'reason == usrId'\n"
                + "reason == usrId\n"
                + "          ^");
    }

    @Test
    void theCaretOfAnErrorAtTheStartIsInTheFirstColumn() {
        ExpressionException e = catchThrowableOfType(
                () -> ExpressionCompiler.compile("'a' * 2", SCOPE, Expected.ANY), ExpressionException.class);
        assertThat(e.getMessage()).isEqualTo("operator '*' needs numbers, but 'a' is a String at column 1 in "
                + "''a' * 2'\n'a' * 2\n^");
    }

    @Test
    void missingClosingParenthesis() {
        fails("(userId == 'a'", SCOPE, 14, "expected ')'");
        fails("(userId == 'a' reason", SCOPE, 15, "expected ')'");
        fails("((RETURNED_ROWS > 0)", SCOPE, 20, "expected ')'");
    }

    @Test
    void unexpectedEndOfExpression() {
        fails("userId ==", SCOPE, 9, "unexpected end of expression");
        fails("RETURNED_ROWS > 0 &&", SCOPE, 20, "unexpected end of expression");
        fails("!", SCOPE, 1, "unexpected end of expression");
        fails("(", SCOPE, 1, "unexpected end of expression");
        fails("", SCOPE, 0, "unexpected end of expression");
        fails("   ", SCOPE, 3, "unexpected end of expression");
    }

    @Test
    void unexpectedCharacters() {
        fails("userId # 1", SCOPE, 7, "unexpected character '#'");
        fails("userId == 'a' ; reason", SCOPE, 14, "unexpected character ';'");
        fails("reason ? 1 : 2", SCOPE, 7, "unexpected character '?'");
        fails("userId = 'a'", SCOPE, 7, "unexpected character '='; did you mean '=='?");
        fails("userId == 'a' & reason == 'b'", SCOPE, 14, "unexpected character '&'; did you mean '&&'?");
        fails("userId == 'a' | reason == 'b'", SCOPE, 14, "unexpected character '|'; did you mean '||'?");
        fails("userId == é", SCOPE, 10, "unexpected character 'é'");
    }

    @Test
    void unexpectedTokens() {
        fails("userId reason", SCOPE, 7, "unexpected 'reason'");
        fails(")", SCOPE, 0, "unexpected ')'");
        fails("1 +* 2", SCOPE, 3, "unexpected '*'");
        fails("1 2", SCOPE, 2, "unexpected '2'");
        fails("[0]", SCOPE, 0, "unexpected '['");
        fails("userId[0]", SCOPE, 7, "expected a quoted name, as in headers['User-Agent'] (only args takes a number,"
                + " as in args[0])");
    }

    @Test
    void noMethodCallsAndNoAssignment() {
        fails("userId.trim()", SCOPE, 11, "unexpected '('");
        fails("userId(1)", SCOPE, 6, "unexpected '('");
        fails("reason = userId", SCOPE, 7, "unexpected character '='; did you mean '=='?");
    }

    @Test
    void malformedPropertyAccess() {
        fails("userId.", SCOPE, 7, "expected a property name after '.'");
        fails("userId.1", SCOPE, 7, "expected a property name after '.'");
        fails("userId..length", SCOPE, 7, "expected a property name after '.'");
        fails(".userId", SCOPE, 0, "unexpected '.'");
    }

    @Test
    void malformedLiterals() {
        fails("'abc", SCOPE, 0, "unterminated string");
        fails("userId == \"abc", SCOPE, 10, "unterminated string");
        fails("'a\\nb'", SCOPE, 2, "unsupported escape in a string; only \\' \\\" and \\\\ are allowed");
        fails("'a\\", SCOPE, 2, "unsupported escape in a string; only \\' \\\" and \\\\ are allowed");
        fails("99999999999999999999", SCOPE, 0, "the number 99999999999999999999 is too large");
        fails("1.", SCOPE, 2, "expected a property name after '.'");
    }
}
