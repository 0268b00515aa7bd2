package dev.auditweave.agent.internal.expr;

/** How {@code ! && ||} read their operands: {@code null} is false, a non-boolean is an error. */
final class Truth {

    private Truth() {
    }

    static boolean of(Object value, String operator) {
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean flag) {
            return flag;
        }
        throw new ExpressionEvaluationException("operator '" + operator + "' needs a boolean, but got a "
                + value.getClass().getName());
    }
}
