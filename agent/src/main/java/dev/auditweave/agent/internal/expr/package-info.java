/**
 * The expression language of {@code @EmitsAbuseEvent}: guards ({@code when}), field values, {@code occurredAt}
 * and {@code idempotencyKey}. An expression is parsed, type-checked against the annotated method and compiled
 * into a tree of small nodes once, by {@link dev.auditweave.agent.internal.expr.ExpressionCompiler}; evaluating it on the
 * calling thread then does no parsing and no reflective look-up.
 *
 * <pre>{@code
 * CompiledExpression guard = ExpressionCompiler.compile("RETURNED_ROWS > 0", Scope.of(method), Expected.BOOLEAN);
 * if (guard.test(args, result, now)) { ... }
 * }</pre>
 */
package dev.auditweave.agent.internal.expr;
