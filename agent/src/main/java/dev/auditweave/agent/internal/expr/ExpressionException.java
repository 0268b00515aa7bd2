package dev.auditweave.agent.internal.expr;

/**
 * A compile-time problem with an expression: a syntax error, an unknown name or property, or a type error.
 * The message names the position and shows it:
 *
 * <pre>
 * operator '*' needs numbers, but 'a' is a String at column 1 in ''a' * 2'
 * 'a' * 2
 * ^
 * </pre>
 */
public final class ExpressionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String expression;
    private final int position;
    private final String reason;

    /**
     * @param expression the expression as written
     * @param position   the 0-based index of the problem in {@code expression}
     * @param reason     what is wrong, without the position
     */
    public ExpressionException(String expression, int position, String reason) {
        super(message(expression, position, reason));
        this.expression = expression;
        this.position = position;
        this.reason = reason;
    }

    private static String message(String expression, int position, String reason) {
        return reason + " at column " + (position + 1) + " in '" + expression + "'\n"
                + expression + "\n" + " ".repeat(Math.max(0, position)) + "^";
    }

    /** The expression as written. */
    public String expression() {
        return expression;
    }

    /** The 0-based index of the problem in {@link #expression()}. */
    public int position() {
        return position;
    }

    /** What is wrong, without the position, for example {@code "unknown name 'usrId'; ..."}. */
    public String reason() {
        return reason;
    }
}
