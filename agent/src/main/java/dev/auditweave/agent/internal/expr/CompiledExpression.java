package dev.auditweave.agent.internal.expr;

/**
 * An expression compiled once by {@link ExpressionCompiler}, evaluated on every call of the annotated method.
 * Immutable and thread-safe.
 *
 * <pre>{@code
 * CompiledExpression userId = ExpressionCompiler.compile("userId", Scope.of(method), Expected.ANY);
 * Object value = userId.evaluate(args, result, System.currentTimeMillis());
 * }</pre>
 */
public interface CompiledExpression {

    /**
     * Evaluates the expression on the calling thread.
     *
     * @param args      the method's arguments; for an expression that {@link #readsActor() reads ACTOR}, followed by
     *                  the resolved actor (or {@code null})
     * @param result    the method's (boxed) return value, {@code null} for a void method
     * @param nowMillis the capture instant in epoch milliseconds, the value of {@code NOW}
     * @return the value, {@code null} when a path went through {@code null}
     * @throws ExpressionEvaluationException when a dynamically typed value lacks a property or has the wrong type;
     *                                       whatever an accessor throws is passed on
     */
    Object evaluate(Object[] args, Object result, long nowMillis);

    /**
     * Guard semantics: {@code true} only when the value is {@link Boolean#TRUE}; {@code null} and anything else
     * count as {@code false}.
     */
    default boolean test(Object[] args, Object result, long nowMillis) {
        return Boolean.TRUE.equals(evaluate(args, result, nowMillis));
    }

    /**
     * For a boolean expression, the fewest {@code RETURNED_ROWS} for which it can be true: {@code 1} for
     * {@code RETURNED_ROWS > 0}, and for {@code RETURNED_ROWS > 0 && RETURNED_ROWS < 10}; {@link Long#MIN_VALUE}
     * when not known.
     */
    default long rowsAtLeast() {
        return Long.MIN_VALUE;
    }

    /** The expression as written. */
    String source();

    /**
     * Whether the expression refers to any parameter, by name or as {@code args[i]}, or to a {@link ContextRoot}
     * ({@code ACTOR}, {@code REQUEST}, {@code TRACE}, {@code MDC}), which travel in the arguments array.
     */
    boolean readsArguments();

    /** Whether the expression refers to {@code result}, {@code RESULT}, {@code RETURNED_ROWS} or {@code INSERTED}. */
    boolean readsResult();

    /** Whether the expression refers to {@code NOW}. */
    boolean readsNow();

    /**
     * Whether the expression refers to {@code ACTOR}. Such an expression also {@link #readsArguments() reads the
     * arguments}: the actor is passed in the slot after the last parameter, and {@code null} when that slot is absent.
     */
    boolean readsActor();

    /**
     * The {@link ContextRoot}s the expression reads, as {@link ContextRoot#bit()}s ({@code 0}: none). Each travels in
     * its slot after the last parameter ({@link ContextRoot#offset()}), and reads as {@code null} when it is absent.
     */
    int contextRoots();
}
