package dev.auditweave.agent.internal.expr;

/**
 * One lexical token.
 *
 * @param kind  what it is
 * @param text  the token as written (a string literal with its quotes), for error messages
 * @param start its 0-based position in the source
 * @param value the parsed value of a literal ({@code Long}, {@code Double} or {@code String}), else {@code null}
 */
record Token(Kind kind, String text, int start, Object value) {

    enum Kind { NUMBER, STRING, NAME, SYMBOL, END }

    boolean isSymbol(String symbol) {
        return kind == Kind.SYMBOL && text.equals(symbol);
    }
}
