package dev.auditweave.agent.internal.expr;

import static dev.auditweave.agent.internal.expr.Compile.compile;
import static dev.auditweave.agent.internal.expr.Compile.fails;
import static dev.auditweave.agent.internal.expr.Compile.method;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/**
 * The result of a method that returns a {@code CompletionStage}: the value the stage completes with, typed from the
 * declared type argument.
 */
class CompletedValueTest {

    public record Receipt(String id, boolean inserted) {
    }

    /** A stage type whose value type is fixed by a subclass, not written at the method. */
    abstract static class ReceiptFuture extends CompletableFuture<Receipt> {
    }

    interface Async {
        CompletableFuture<Integer> rows();

        CompletionStage<Receipt> receipt();

        @SuppressWarnings("rawtypes")
        CompletableFuture raw();

        CompletableFuture<List<String>> names();

        CompletableFuture<Boolean> added();

        ReceiptFuture subclassed();

        CompletableFuture<? extends Receipt> wildcard();
    }

    private static Scope scope(String name) {
        return Scope.of(method(Async.class, name));
    }

    @Test
    void completion_ofStagesMonosAndFluxes() {
        assertThat(Completion.of(CompletionStage.class)).isEqualTo(Completion.STAGE);
        assertThat(Completion.of(CompletableFuture.class)).isEqualTo(Completion.STAGE);
        assertThat(Completion.of(ReceiptFuture.class)).isEqualTo(Completion.STAGE);
        assertThat(Completion.of(reactor.core.publisher.Mono.class)).isEqualTo(Completion.MONO);
        assertThat(Completion.of(reactor.core.publisher.Flux.class)).isEqualTo(Completion.FLUX);
        assertThat(Completion.of(Object.class)).isEqualTo(Completion.RETURN);
        assertThat(Completion.of(int.class)).isEqualTo(Completion.RETURN);
        assertThat(Completion.isPublisher(reactor.core.publisher.Mono.class)).isTrue();
        assertThat(Completion.isPublisher(String.class)).isFalse();
    }

    @Test
    void returnedRows_countsTheCompletedInteger() {
        CompiledExpression guard = ExpressionCompiler.compile("RETURNED_ROWS > 0", scope("rows"), Expected.BOOLEAN);

        assertThat(guard.test(null, 1, 0L)).isTrue();
        assertThat(guard.test(null, 0, 0L)).isFalse();
    }

    @Test
    void result_isTheCompletedValueTypedFromTheTypeArgument() {
        assertThat(compile("result.id", scope("receipt")).evaluate(null, new Receipt("r-1", true), 0L))
                .isEqualTo("r-1");
        fails("result.number", scope("receipt"), 7, "no property 'number' on " + Receipt.class.getName()
                + " (it has: id, inserted)");
        fails("result == 'one'", scope("rows"), Expected.BOOLEAN, 7,
                "operator '==' cannot compare result (a number) with 'one' (a String)");
    }

    @Test
    void result_ofARawFutureIsDynamicallyTyped() {
        CompiledExpression id = compile("result.id", scope("raw"));

        assertThat(id.evaluate(null, new Receipt("r-2", false), 0L)).isEqualTo("r-2");
    }

    @Test
    void result_ofASubclassWithAFixedValueTypeIsThatType() {
        fails("result.number", scope("subclassed"), 7, "no property 'number' on " + Receipt.class.getName()
                + " (it has: id, inserted)");
    }

    @Test
    void result_ofAWildcardIsItsUpperBound() {
        assertThat(compile("result.id", scope("wildcard")).evaluate(null, new Receipt("r-3", false), 0L))
                .isEqualTo("r-3");
    }

    @Test
    void returnedRows_ofACompletedListIsItsSize() {
        assertThat(compile("RETURNED_ROWS", scope("names")).evaluate(null, List.of("a", "b"), 0L)).isEqualTo(2L);
    }

    @Test
    void inserted_readsTheCompletedBooleanOrRecord() {
        assertThat(ExpressionCompiler.compile("INSERTED", scope("added"), Expected.BOOLEAN).test(null, true, 0L))
                .isTrue();
        assertThat(ExpressionCompiler.compile("INSERTED", scope("receipt"), Expected.BOOLEAN)
                .test(null, new Receipt("r-4", true), 0L)).isTrue();
    }

    @Test
    void inserted_onAValueWithoutTheFlagSaysWhatTheStageCompletesWith() {
        fails("INSERTED", scope("rows"), Expected.BOOLEAN, 0, "INSERTED needs a boolean result or a result with"
                + " inserted() or isInserted(), but " + scope("rows").description()
                + " completes with java.lang.Integer");
    }

    @Test
    void thrown_inAReturnedAnnotationOfAStageSaysItCompletesNormally() {
        fails("THROWN", scope("rows"), 0, "THROWN is only available with on = Outcome.THROWN, but this annotation"
                + " fires when " + scope("rows").description() + "'s CompletionStage completes normally"
                + " (on = Outcome.RETURNED); add on = Outcome.THROWN to emit on the exception, or read the return"
                + " value as 'result'");
    }

    @Test
    void resultRoots_inAThrownAnnotationOfAStageSayThereIsNoCompletedValue() {
        fails("RETURNED_ROWS", scope("rows").onThrown(), 0, "RETURNED_ROWS (the rows the result reports) is not"
                + " available with on = Outcome.THROWN: " + scope("rows").description() + " threw, so there is no"
                + " completed value; THROWN is the exception (THROWN.type, THROWN.className, THROWN.message)");
    }
}
