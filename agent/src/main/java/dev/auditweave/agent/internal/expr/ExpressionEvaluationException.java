package dev.auditweave.agent.internal.expr;

/**
 * A run-time problem evaluating an expression that the static checks could not rule out, because the value was
 * dynamically typed ({@code Object}):
 *
 * <pre>
 * no property 'customer' on java.lang.String (it has: blank, bytes, empty, ...)
 * </pre>
 */
public final class ExpressionEvaluationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message what went wrong, naming the property or operator and the class of the value */
    public ExpressionEvaluationException(String message) {
        this(message, null);
    }

    /**
     * @param message what went wrong
     * @param cause   the checked exception an accessor threw, if that is what went wrong
     */
    public ExpressionEvaluationException(String message, Throwable cause) {
        // No stack trace: the same failure may repeat on every call of a hot method, and the message says it all.
        super(message, cause, false, false);
    }
}
