package dev.auditweave.agent.internal.expr;

import java.util.ArrayList;
import java.util.List;

/** Splits an expression into {@link Token}s, ending with an {@link Token.Kind#END} token. */
final class Lexer {

    private static final List<String> TWO_CHARACTER_SYMBOLS = List.of("==", "!=", "<=", ">=", "&&", "||");
    private static final String ONE_CHARACTER_SYMBOLS = "()[].+-*/%!<>";

    private final String source;
    private final List<Token> tokens = new ArrayList<>();
    private int position;

    private Lexer(String source) {
        this.source = source;
    }

    static List<Token> tokenize(String source) {
        Lexer lexer = new Lexer(source);
        lexer.run();
        return lexer.tokens;
    }

    private void run() {
        while (true) {
            while (position < source.length() && Character.isWhitespace(source.charAt(position))) {
                position++;
            }
            if (position == source.length()) {
                tokens.add(new Token(Token.Kind.END, "", position, null));
                return;
            }
            char c = source.charAt(position);
            if (isNameStart(c)) {
                name();
            } else if (c >= '0' && c <= '9') {
                number();
            } else if (c == '\'' || c == '"') {
                string(c);
            } else {
                symbol(c);
            }
        }
    }

    private void name() {
        int start = position;
        while (position < source.length() && isNamePart(source.charAt(position))) {
            position++;
        }
        tokens.add(new Token(Token.Kind.NAME, source.substring(start, position), start, null));
    }

    private void number() {
        int start = position;
        skipDigits();
        boolean decimal = position + 1 < source.length() && source.charAt(position) == '.'
                && isDigit(source.charAt(position + 1));
        if (decimal) {
            position++;
            skipDigits();
        }
        String text = source.substring(start, position);
        Object value;
        if (decimal) {
            value = Double.valueOf(text);
        } else {
            try {
                value = Long.valueOf(text);
            } catch (NumberFormatException e) {
                throw new ExpressionException(source, start, "the number " + text + " is too large");
            }
        }
        tokens.add(new Token(Token.Kind.NUMBER, text, start, value));
    }

    private void skipDigits() {
        while (position < source.length() && isDigit(source.charAt(position))) {
            position++;
        }
    }

    private void string(char quote) {
        int start = position++;
        StringBuilder value = new StringBuilder();
        while (position < source.length()) {
            char c = source.charAt(position);
            if (c == quote) {
                position++;
                tokens.add(new Token(Token.Kind.STRING, source.substring(start, position), start, value.toString()));
                return;
            }
            if (c == '\\') {
                char escaped = position + 1 < source.length() ? source.charAt(position + 1) : ' ';
                if (escaped != '\'' && escaped != '"' && escaped != '\\') {
                    throw new ExpressionException(source, position,
                            "unsupported escape in a string; only \\' \\\" and \\\\ are allowed");
                }
                value.append(escaped);
                position += 2;
            } else {
                value.append(c);
                position++;
            }
        }
        throw new ExpressionException(source, start, "unterminated string");
    }

    private void symbol(char c) {
        if (position + 1 < source.length()) {
            String two = source.substring(position, position + 2);
            if (TWO_CHARACTER_SYMBOLS.contains(two)) {
                tokens.add(new Token(Token.Kind.SYMBOL, two, position, null));
                position += 2;
                return;
            }
        }
        if (ONE_CHARACTER_SYMBOLS.indexOf(c) >= 0) {
            tokens.add(new Token(Token.Kind.SYMBOL, String.valueOf(c), position, null));
            position++;
            return;
        }
        String hint = switch (c) {
            case '=' -> "; did you mean '=='?";
            case '&' -> "; did you mean '&&'?";
            case '|' -> "; did you mean '||'?";
            default -> "";
        };
        throw new ExpressionException(source, position, "unexpected character '" + c + "'" + hint);
    }

    private static boolean isNameStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$';
    }

    private static boolean isNamePart(char c) {
        return isNameStart(c) || isDigit(c);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
