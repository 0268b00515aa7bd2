package dev.auditweave.agent.internal.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Compiles expressions of auditweave's small language, once per annotated method.
 *
 * <pre>{@code
 * Scope scope = Scope.of(StripeWebhooks.class.getMethod("handle", StripeEvent.class));
 * CompiledExpression when = ExpressionCompiler.compile("event.type == 'customer.created'", scope, Expected.BOOLEAN);
 * CompiledExpression at = ExpressionCompiler.compile("event.created * 1000", scope, Expected.EPOCH_MILLIS);
 * }</pre>
 *
 * <p>The language: literals ({@code 12}, {@code 2.5}, {@code 'text'}, {@code "text"}, {@code true},
 * {@code false}, {@code null}); parameter names; {@code result} and {@code RESULT} (the return value; a bare
 * {@code result} is an error in a method with a parameter named {@code result}, where {@code args[i]} names the
 * parameter and {@code RESULT} the return value); {@code args[i]}; the built-ins
 * {@code RETURNED_ROWS}, {@code INSERTED}, {@code NOW}, {@code ACTOR} (a {@link dev.auditweave.agent.Actor},
 * {@code null} for an anonymous caller), {@code REQUEST} (a {@link Request}), {@code TRACE} (a {@link Trace}) and
 * {@code MDC} (a {@link ContextMap}), {@code null} when the call has none, which win over parameters of the same name (for a method
 * returning a {@code CompletionStage}, the result roots read the value it completes with); {@code THROWN}, the
 * exception, only in the scope of an {@code on = Outcome.THROWN} annotation ({@link Scope#onThrown()}), where the
 * result roots do not exist; property paths {@code a.b.c} (map key, record
 * component, {@code getX()}, {@code isX()}, {@code x()}, public field), also written {@code a['b-c']}, null-safe; {@code + - * / %};
 * {@code == != < <= > >=} across numeric types; {@code ! && ||}; parentheses.
 */
public final class ExpressionCompiler {

    private ExpressionCompiler() {
    }

    /**
     * Parses, type-checks against {@code scope} and compiles {@code source}.
     *
     * @throws ExpressionException on any problem, naming its position
     */
    public static CompiledExpression compile(String source, Scope scope, Expected expected) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(expected, "expected");
        Syntax tree = Parser.parse(source);
        Checker checker = new Checker(source, ReflectionModel.scope(scope), ReflectionNodes.INSTANCE, expected);
        Typed typed = checker.check(tree);
        checker.expect(tree, typed, expected);
        return new CompiledTree(source, typed.node(), checker.readsArguments(), checker.readsResult(),
                checker.readsNow(), checker.contextRoots());
    }

    /**
     * What the result alone decides of a compiled {@code guard}, so that the calling thread can rule a call out
     * before it builds the arguments array: the guard itself when it reads neither a parameter, a context root nor
     * {@code NOW}; else the operands of its top-level {@code &&} (through parentheses) that read none of those,
     * compiled as one conjunction, which must hold for the guard to hold; else {@code null}.
     * {@code reason != null && RETURNED_ROWS > 0} is false whenever {@code RETURNED_ROWS > 0} is.
     *
     * <pre>{@code
     * CompiledExpression guard = ExpressionCompiler.compile("reason != null && RETURNED_ROWS > 0", scope, Expected.BOOLEAN);
     * ExpressionCompiler.resultCheck(guard, scope).source(); // "(RETURNED_ROWS > 0)"
     * }</pre>
     *
     * @param guard a guard {@link #compile compiled} against {@code scope}
     */
    public static CompiledExpression resultCheck(CompiledExpression guard, Scope scope) {
        if (!guard.readsArguments() && !guard.readsNow()) {
            return guard;
        }
        String source = guard.source();
        List<String> decided = new ArrayList<>();
        for (Syntax operand : conjuncts(Parser.parse(source), new ArrayList<>())) {
            String text = "(" + source.substring(operand.start(), operand.end()) + ")";
            if (decidedByResult(text, scope)) {
                decided.add(text);
            }
        }
        return decided.isEmpty() ? null : compile(String.join(" && ", decided), scope, Expected.BOOLEAN);
    }

    /**
     * What one argument alone decides of a compiled {@code guard}, so that the calling thread can rule a call out with
     * that argument before it builds the arguments array: the operands of its top-level {@code &&} (through
     * parentheses) that read one parameter, the same as the first such operand, and nothing else (no other parameter,
     * no result, no context root, no {@code NOW}), compiled as one conjunction, which must hold for the guard to hold;
     * {@code null} when no operand qualifies. {@code reason == 'fraud' && RETURNED_ROWS > 0} is false whenever
     * {@code reason == 'fraud'} is.
     *
     * <pre>{@code
     * CompiledExpression guard = ExpressionCompiler.compile("reason == 'fraud' && RETURNED_ROWS > 0", scope, Expected.BOOLEAN);
     * ArgumentCheck check = ExpressionCompiler.argumentCheck(guard, scope);
     * check.source(); // "(reason == 'fraud')"
     * check.test("spam"); // false
     * }</pre>
     *
     * @param guard a guard {@link #compile compiled} against {@code scope}
     */
    public static ArgumentCheck argumentCheck(CompiledExpression guard, Scope scope) {
        if (!guard.readsArguments()) {
            return null;
        }
        String source = guard.source();
        int index = -1;
        List<String> decided = new ArrayList<>();
        for (Syntax operand : conjuncts(Parser.parse(source), new ArrayList<>())) {
            String text = "(" + source.substring(operand.start(), operand.end()) + ")";
            int read = onlyParameter(text, scope);
            if (read >= 0 && (index < 0 || read == index)) {
                index = read;
                decided.add(text);
            }
        }
        if (decided.isEmpty()) {
            return null;
        }
        String conjunction = String.join(" && ", decided);
        Checker checker = new Checker(conjunction, ReflectionModel.scope(scope),
                ReflectionNodes.argumentAsResult(index), Expected.BOOLEAN);
        Syntax tree = Parser.parse(conjunction);
        Typed typed = checker.check(tree);
        checker.expect(tree, typed, Expected.BOOLEAN);
        CompiledTree check = new CompiledTree(conjunction, typed.node(), false, true, false, 0);
        if (typed.node() instanceof StringEqualityNode equality && equality.textComparedWithResult() != null) {
            return new ArgumentCheck(index, check, equality.textComparedWithResult(), equality.negated());
        }
        return new ArgumentCheck(index, check);
    }

    /** The one parameter {@code operand} reads when it reads nothing else of the call; else -1. */
    private static int onlyParameter(String operand, Scope scope) {
        try {
            Syntax tree = Parser.parse(operand);
            Checker checker = new Checker(operand, ReflectionModel.scope(scope), Nodes.NONE, Expected.BOOLEAN);
            checker.expect(tree, checker.check(tree), Expected.BOOLEAN);
            return checker.readsResult() || checker.readsNow() ? -1 : checker.onlyParameter();
        } catch (ExpressionException alone) {
            // Checked only as a part of the whole (never seen: each operand of && is checked as a boolean there).
            return -1;
        }
    }

    private static boolean decidedByResult(String operand, Scope scope) {
        try {
            CompiledExpression compiled = compile(operand, scope, Expected.BOOLEAN);
            return !compiled.readsArguments() && !compiled.readsNow();
        } catch (ExpressionException alone) {
            // Checked only as a part of the whole (never seen: each operand of && is checked as a boolean there).
            return false;
        }
    }

    /** The operands of the top-level {@code &&} of {@code tree}, left to right, seen through parentheses. */
    private static List<Syntax> conjuncts(Syntax tree, List<Syntax> into) {
        if (tree instanceof Syntax.Group group) {
            return conjuncts(group.inner(), into);
        }
        if (tree instanceof Syntax.Binary binary && binary.operator() == Syntax.BinaryOperator.AND) {
            conjuncts(binary.left(), into);
            return conjuncts(binary.right(), into);
        }
        into.add(tree);
        return into;
    }

    /**
     * Parses and type-checks {@code source} against {@code scope} without compiling it: the verdict and the message
     * {@link #compile} gives for the same method, for a scope from any {@link TypeModel} (the build-time processor's).
     *
     * <pre>{@code
     * ExpressionCompiler.check("RETURNED_ROWS > 0", modelScope, Expected.BOOLEAN); // throws on a bad expression
     * }</pre>
     *
     * @throws ExpressionException on any problem, naming its position
     */
    public static void check(String source, ModelScope scope, Expected expected) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(expected, "expected");
        Syntax tree = Parser.parse(source);
        Checker checker = new Checker(source, scope, Nodes.NONE, expected);
        checker.expect(tree, checker.check(tree), expected);
    }
}
