package dev.auditweave.agent.internal.expr;

import static dev.auditweave.agent.internal.expr.Compile.compile;
import static dev.auditweave.agent.internal.expr.Compile.eval;
import static dev.auditweave.agent.internal.expr.Compile.fails;
import static dev.auditweave.agent.internal.expr.Compile.method;
import static dev.auditweave.agent.internal.expr.Compile.scope;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

class RootsTest {

    public record User(String id, String email) {
    }

    public record Upsert(String id, boolean inserted) {
    }

    public static class Saved {
        private final boolean inserted;

        public Saved(boolean inserted) {
            this.inserted = inserted;
        }

        public boolean isInserted() {
            return inserted;
        }
    }

    static class HiddenSaved extends Saved {
        HiddenSaved(boolean inserted) {
            super(inserted);
        }
    }

    public static class MaybeInserted {
        public Boolean inserted() {
            return null;
        }
    }

    interface Api {
        int blockUser(String userId, String reason);

        void notify(String userId);

        void update(User user);

        User findUser(String id);

        boolean insertIfAbsent(String key);

        Boolean maybeInsert(String key);

        Upsert upsert(String id);

        Saved save(String id);

        MaybeInserted unknown(String id);

        Object anything(String id);

        String name(String id);

        int[] batch(List<String> ids);

        String shadow(String RESULT, String NOW, String args);

        <T> T generic(T value);

        void none();
    }

    private static final Scope BLOCK_USER = scope(Api.class, "blockUser");

    @Test
    void parametersByNameAndByIndex() {
        assertThat(eval("userId", BLOCK_USER, 1, "u1", "spam")).isEqualTo("u1");
        assertThat(eval("reason", BLOCK_USER, 1, "u1", "spam")).isEqualTo("spam");
        assertThat(eval("args[0]", BLOCK_USER, 1, "u1", "spam")).isEqualTo("u1");
        assertThat(eval("args[1] == reason", BLOCK_USER, 1, "u1", "spam")).isEqualTo(true);
        assertThat(eval("args[ 1 ]", BLOCK_USER, 1, "u1", "spam")).isEqualTo("spam");
    }

    @Test
    void argsHaveTheirDeclaredStaticType() {
        Scope scope = scope(Api.class, "update");
        assertThat(eval("args[0].email", scope, null, new User("u1", "a@b.c"))).isEqualTo("a@b.c");
        fails("args[0].mail", scope, 8, "no property 'mail' on " + User.class.getName()
                + " (it has: id, email); did you mean 'email'?");
    }

    @Test
    void argsOutOfRangeOrMalformed() {
        fails("args[2]", BLOCK_USER, 5, "args[2] is out of range: " + BLOCK_USER.description() + " has 2 parameters");
        Scope notify = scope(Api.class, "notify");
        fails("args[1]", notify, 5, "args[1] is out of range: " + notify.description() + " has 1 parameter");
        Scope none = scope(Api.class, "none");
        fails("args[0]", none, 5, "args[0] is out of range: " + none.description() + " has no parameters");
        fails("args[99999999999]", BLOCK_USER, 5, "args[99999999999] is out of range: "
                + BLOCK_USER.description() + " has 2 parameters");
        fails("args", BLOCK_USER, 0, "args needs an index, as in args[0]");
        fails("args[userId]", BLOCK_USER, 5, "expected an integer index, as in args[0]");
        fails("args[1.5]", BLOCK_USER, 5, "expected an integer index, as in args[0]");
        fails("args[-1]", BLOCK_USER, 5, "expected an integer index, as in args[0]");
        fails("args[0", BLOCK_USER, 6, "expected ']'");
    }

    @Test
    void resultIsTheReturnValueWithTheReturnTypeAsStaticType() {
        Scope scope = scope(Api.class, "findUser");
        assertThat(eval("result.email", scope, new User("u1", "a@b.c"), "u1")).isEqualTo("a@b.c");
        assertThat(eval("result.email", scope, null, "u1")).isNull();
        fails("result.mail", scope, 7, "no property 'mail' on " + User.class.getName()
                + " (it has: id, email); did you mean 'email'?");
        assertThat(eval("result", BLOCK_USER, 3, "u1", "r")).isEqualTo(3);
    }

    @Test
    void resultOfAVoidMethodIsACompileError() {
        Scope notify = scope(Api.class, "notify");
        fails("userId != null && result == null", notify, 18,
                "result is not available: " + notify.description() + " returns void");
    }

    @Test
    void returnedRows() {
        assertThat(eval("RETURNED_ROWS", BLOCK_USER, 3, "u1", "r")).isEqualTo(3L);
        assertThat(eval("RETURNED_ROWS > 0", BLOCK_USER, 0, "u1", "r")).isEqualTo(false);
        assertThat(eval("RETURNED_ROWS > 0", BLOCK_USER, -1, "u1", "r")).isEqualTo(false);
        int[] batch = {Statement.SUCCESS_NO_INFO, Statement.EXECUTE_FAILED, 2};
        assertThat(eval("RETURNED_ROWS", scope(Api.class, "batch"), batch, List.of())).isEqualTo(3L);
        assertThat(eval("RETURNED_ROWS", scope(Api.class, "findUser"), new User("u", "e"), "u")).isEqualTo(1L);
        assertThat(eval("RETURNED_ROWS", scope(Api.class, "findUser"), null, "u")).isEqualTo(0L);
    }

    @Test
    void returnedRows_ofAVoidMethodIsAnError() {
        Scope notify = scope(Api.class, "notify");
        fails("RETURNED_ROWS > 0", notify, Expected.BOOLEAN, 0, "RETURNED_ROWS is always 0: " + notify.description()
                + " returns void, so a guard on it can never hold; return the number of rows (an int, a long, an"
                + " int[]), or drop the guard to emit on every call");
    }

    @Test
    void insertedReadsABooleanResult() {
        Scope scope = scope(Api.class, "insertIfAbsent");
        assertThat(eval("INSERTED", scope, true, "k")).isEqualTo(true);
        assertThat(eval("INSERTED", scope, false, "k")).isEqualTo(false);
        Scope boxed = scope(Api.class, "maybeInsert");
        assertThat(eval("INSERTED", boxed, Boolean.TRUE, "k")).isEqualTo(true);
        assertThat(eval("INSERTED", boxed, null, "k")).isEqualTo(false);
    }

    @Test
    void insertedReadsAnInsertedAccessorOfTheResult() {
        Scope upsert = scope(Api.class, "upsert");
        assertThat(eval("INSERTED", upsert, new Upsert("1", true), "1")).isEqualTo(true);
        assertThat(eval("INSERTED", upsert, new Upsert("1", false), "1")).isEqualTo(false);
        assertThat(eval("INSERTED", upsert, null, "1")).isEqualTo(false);
        Scope save = scope(Api.class, "save");
        assertThat(eval("INSERTED", save, new Saved(true), "1")).isEqualTo(true);
        assertThat(eval("INSERTED", save, new HiddenSaved(true), "1")).isEqualTo(true);
        assertThat(eval("INSERTED", scope(Api.class, "unknown"), new MaybeInserted(), "1")).isEqualTo(false);
    }

    @Test
    void insertedOnADynamicResultIsDecidedPerClassAtRunTime() {
        CompiledExpression inserted = compile("INSERTED", scope(Api.class, "anything"));
        assertThat(inserted.evaluate(new Object[] {"1"}, Boolean.TRUE, 0)).isEqualTo(true);
        assertThat(inserted.evaluate(new Object[] {"1"}, Boolean.FALSE, 0)).isEqualTo(false);
        assertThat(inserted.evaluate(new Object[] {"1"}, new Upsert("1", true), 0)).isEqualTo(true);
        assertThat(inserted.evaluate(new Object[] {"1"}, new Upsert("1", false), 0)).isEqualTo(false);
        assertThat(inserted.evaluate(new Object[] {"1"}, new HiddenSaved(true), 0)).isEqualTo(true);
        assertThat(inserted.evaluate(new Object[] {"1"}, "a string", 0)).isEqualTo(false);
        assertThat(inserted.evaluate(new Object[] {"1"}, null, 0)).isEqualTo(false);
    }

    @Test
    void insertedIsACompileErrorWhenTheResultCanBeNeither() {
        Scope name = scope(Api.class, "name");
        fails("INSERTED", name, 0, "INSERTED needs a boolean result or a result with inserted() or isInserted(), "
                + "but " + name.description() + " returns java.lang.String");
        Scope notify = scope(Api.class, "notify");
        fails("!INSERTED", notify, 1, "INSERTED needs a boolean result or a result with inserted() or isInserted(), "
                + "but " + notify.description() + " returns void");
        fails("INSERTED", BLOCK_USER, 0, "INSERTED needs a boolean result or a result with inserted() or "
                + "isInserted(), but " + BLOCK_USER.description() + " returns int");
    }

    @Test
    void nowIsTheCaptureInstant() {
        CompiledExpression now = compile("NOW", BLOCK_USER);
        assertThat(now.evaluate(new Object[] {"u", "r"}, 1, 1_700_000_000_123L)).isEqualTo(1_700_000_000_123L);
        assertThat(compile("NOW - 1000", BLOCK_USER).evaluate(new Object[] {"u", "r"}, 1, 5000L)).isEqualTo(4000L);
    }

    @Test
    void builtInsTakePrecedenceOverParametersOfTheSameName() {
        Scope scope = scope(Api.class, "shadow");
        Object[] args = {"the parameter", "also a parameter", "a third"};
        assertThat(compile("RESULT", scope).evaluate(args, "the result", 42L)).isEqualTo("the result");
        assertThat(compile("result", scope).evaluate(args, "the result", 42L)).isEqualTo("the result");
        assertThat(compile("NOW", scope).evaluate(args, "the result", 42L)).isEqualTo(42L);
        assertThat(compile("args[0]", scope).evaluate(args, "the result", 42L)).isEqualTo("the parameter");
        assertThat(compile("args[1]", scope).evaluate(args, "the result", 42L)).isEqualTo("also a parameter");
        assertThat(compile("RESULT", scope).readsArguments()).isFalse();
    }

    @Test
    void aTypeVariableIsDynamic() {
        Scope scope = scope(Api.class, "generic");
        User user = new User("u1", "a@b.c");
        assertThat(eval("value.email", scope, user, user)).isEqualTo("a@b.c");
        assertThat(eval("result.id", scope, user, user)).isEqualTo("u1");
        assertThatThrownBy(() -> eval("value.mail", scope, user, user))
                .isInstanceOf(ExpressionEvaluationException.class)
                .hasMessage("no property 'mail' on " + User.class.getName()
                        + " (it has: id, email); did you mean 'email'?");
    }

    @Test
    void reportsWhatAnExpressionReads() {
        assertReads("userId", BLOCK_USER, true, false, false);
        assertReads("args[1]", BLOCK_USER, true, false, false);
        assertReads("RETURNED_ROWS > 0", BLOCK_USER, false, true, false);
        assertReads("result", BLOCK_USER, false, true, false);
        assertReads("INSERTED", scope(Api.class, "insertIfAbsent"), false, true, false);
        assertReads("result.email", scope(Api.class, "findUser"), false, true, false);
        assertReads("NOW", BLOCK_USER, false, false, true);
        assertReads("'constant' + 1", BLOCK_USER, false, false, false);
        assertReads("userId + NOW + RETURNED_ROWS", BLOCK_USER, true, true, true);
        assertReads("false && userId == 'x'", BLOCK_USER, true, false, false);
    }

    private static void assertReads(String source, Scope scope, boolean args, boolean result, boolean now) {
        CompiledExpression expression = compile(source, scope);
        assertThat(expression.readsArguments()).as("readsArguments of %s", source).isEqualTo(args);
        assertThat(expression.readsResult()).as("readsResult of %s", source).isEqualTo(result);
        assertThat(expression.readsNow()).as("readsNow of %s", source).isEqualTo(now);
        assertThat(expression.source()).isEqualTo(source);
    }

    @Test
    void testIsTrueOnlyForBooleanTrue() {
        Scope scope = scope(Api.class, "maybeInsert");
        CompiledExpression result = compile("result", scope);
        assertThat(result.test(new Object[] {"k"}, Boolean.TRUE, 0)).isTrue();
        assertThat(result.test(new Object[] {"k"}, Boolean.FALSE, 0)).isFalse();
        assertThat(result.test(new Object[] {"k"}, null, 0)).isFalse();
        assertThat(compile("key", scope).test(new Object[] {"true"}, null, 0)).isFalse();
    }

    @Test
    void anUnknownNameListsParametersAndBuiltInsAndSuggests() {
        String known = "; parameters are: userId, reason; built-ins: result, RESULT, args[i], RETURNED_ROWS, INSERTED,"
                + " NOW, ACTOR, REQUEST, TRACE, MDC";
        fails("usrId", BLOCK_USER, 0, "unknown name 'usrId'" + known + "; did you mean 'userId'?");
        fails("reason == usrId", BLOCK_USER, 10, "unknown name 'usrId'" + known + "; did you mean 'userId'?");
        fails("now", BLOCK_USER, 0, "unknown name 'now'" + known + "; did you mean 'NOW'?");
        fails("RETURNED_ROW > 0", BLOCK_USER, 0, "unknown name 'RETURNED_ROW'" + known
                + "; did you mean 'RETURNED_ROWS'?");
        fails("customer", BLOCK_USER, 0, "unknown name 'customer'" + known);
        fails("java.lang.System.exit", BLOCK_USER, 0, "unknown name 'java'" + known);
        fails("x", scope(Api.class, "none"), 0, "unknown name 'x'; parameters are: (none); "
                + "built-ins: result, RESULT, args[i], RETURNED_ROWS, INSERTED, NOW, ACTOR, REQUEST, TRACE, MDC");
    }

    @Test
    void withoutParameterNamesOnlyArgsAndBuiltInsWork() {
        Scope scope = Scope.of("com.acme.UserService.blockUser(String, String)", null,
                List.of(String.class, String.class), int.class);
        fails("userId", scope, 0, "parameter names are not available for com.acme.UserService.blockUser(String, "
                + "String): compile with -parameters (maven-compiler-plugin <parameters>true</parameters>), "
                + "or use args[0]..args[1]");
        assertThat(eval("args[1]", scope, 1, "u1", "spam")).isEqualTo("spam");
        assertThat(eval("RETURNED_ROWS > 0 && NOW > 0", scope, 1, "u1", "spam")).isEqualTo(false);
        Scope single = Scope.of("com.acme.S.m(String)", null, List.of(String.class), void.class);
        fails("id", single, 0, "parameter names are not available for com.acme.S.m(String): compile with "
                + "-parameters (maven-compiler-plugin <parameters>true</parameters>), or use args[0]");
    }

    @Test
    void scopeOfAMethodCompiledWithoutParameterNames() throws NoSuchMethodException {
        Method substring = String.class.getMethod("substring", int.class, int.class);
        assumeThat(substring.getParameters()[0].isNamePresent()).isFalse();
        Scope scope = Scope.of(substring);
        assertThat(scope.description()).isEqualTo("java.lang.String.substring(int, int)");
        fails("beginIndex", scope, 0, "parameter names are not available for java.lang.String.substring(int, int): "
                + "compile with -parameters (maven-compiler-plugin <parameters>true</parameters>), "
                + "or use args[0]..args[1]");
        assertThat(compile("args[1] - args[0]", scope).evaluate(new Object[] {2, 5}, "abc", 0)).isEqualTo(3L);
    }

    @Test
    void scopeOfAMethodDescribesItAndReadsItsParameterNames() {
        Scope scope = Scope.of(method(Api.class, "blockUser"));
        assertThat(scope.description()).isEqualTo(Api.class.getName() + ".blockUser(String, String)");
        assertThat(scope.toString()).isEqualTo(scope.description());
        assertThat(Scope.of(method(Api.class, "batch")).description()).isEqualTo(Api.class.getName() + ".batch(List)");
    }

    @Test
    void scopeRejectsNamesThatDoNotMatchTheTypes() {
        List<Type> types = List.of(String.class);
        assertThatThrownBy(() -> Scope.of("m(String)", List.of("a", "b"), types, void.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("2 parameter names for 1 parameter types of m(String)");
    }

    @Test
    void aScopeWithoutParametersNeedsNoNames() {
        Scope scope = Scope.of("com.acme.S.m()", null, List.of(), int.class);
        fails("x", scope, 0, "unknown name 'x'; parameters are: (none); "
                + "built-ins: result, RESULT, args[i], RETURNED_ROWS, INSERTED, NOW, ACTOR, REQUEST, TRACE, MDC");
        assertThat(eval("RETURNED_ROWS", scope, 2)).isEqualTo(2L);
    }
}
