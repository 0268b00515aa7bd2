package dev.auditweave.agent.internal.expr;

/** Stands for a property a run-time class does not have, so that the answer is cached like any other. */
final class MissingPropertyReader implements PropertyReader {

    private final String message;

    MissingPropertyReader(String message) {
        this.message = message;
    }

    @Override
    public Object read(Object target) {
        throw new ExpressionEvaluationException(message);
    }
}
