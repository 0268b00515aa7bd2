package dev.auditweave.agent.internal.expr;

/** Unary minus; {@code null} stays {@code null}. */
final class NegateNode implements Node {

    private final Node operand;

    NegateNode(Node operand) {
        this.operand = operand;
    }

    @Override
    public Object evaluate(Object[] args, Object result, long now) {
        Object value = operand.evaluate(args, result, now);
        if (value == null) {
            return null;
        }
        if (value instanceof Number number) {
            return Numbers.negate(number);
        }
        throw new ExpressionEvaluationException("operator '-' needs a number, but got a " + value.getClass().getName());
    }
}
