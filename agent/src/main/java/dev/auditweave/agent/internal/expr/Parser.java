package dev.auditweave.agent.internal.expr;

import dev.auditweave.agent.internal.expr.Syntax.BinaryOperator;
import dev.auditweave.agent.internal.expr.Syntax.UnaryOperator;
import java.util.List;

/**
 * Recursive descent over the tokens, by precedence from loosest to tightest:
 * {@code ||}, {@code &&}, {@code == !=}, {@code < <= > >=}, {@code + -}, {@code * / %}, unary {@code ! -},
 * property access {@code .name} and {@code ['name']}, and the primaries (literals, names, {@code args[i]}, parentheses).
 */
final class Parser {

    private static final BinaryOperator[][] LEVELS = {
        {BinaryOperator.OR},
        {BinaryOperator.AND},
        {BinaryOperator.EQUAL, BinaryOperator.NOT_EQUAL},
        {BinaryOperator.LESS, BinaryOperator.LESS_OR_EQUAL, BinaryOperator.GREATER, BinaryOperator.GREATER_OR_EQUAL},
        {BinaryOperator.PLUS, BinaryOperator.MINUS},
        {BinaryOperator.TIMES, BinaryOperator.DIVIDE, BinaryOperator.REMAINDER},
    };

    private final String source;
    private final List<Token> tokens;
    private int next;

    private Parser(String source) {
        this.source = source;
        this.tokens = Lexer.tokenize(source);
    }

    /** Parses the whole of {@code source}; throws {@link ExpressionException} at the first syntax error. */
    static Syntax parse(String source) {
        Parser parser = new Parser(source);
        Syntax expression = parser.binary(0);
        Token rest = parser.peek();
        if (rest.kind() != Token.Kind.END) {
            throw parser.unexpected(rest);
        }
        return expression;
    }

    private Syntax binary(int level) {
        if (level == LEVELS.length) {
            return unary();
        }
        Syntax left = binary(level + 1);
        while (true) {
            BinaryOperator operator = binaryOperator(LEVELS[level]);
            if (operator == null) {
                return left;
            }
            int operatorStart = tokens.get(next++).start();
            left = new Syntax.Binary(operator, left, binary(level + 1), operatorStart);
        }
    }

    private BinaryOperator binaryOperator(BinaryOperator[] candidates) {
        for (BinaryOperator candidate : candidates) {
            if (peek().isSymbol(candidate.symbol)) {
                return candidate;
            }
        }
        return null;
    }

    private Syntax unary() {
        for (UnaryOperator operator : UnaryOperator.values()) {
            if (peek().isSymbol(operator.symbol)) {
                int start = tokens.get(next++).start();
                return new Syntax.Unary(operator, unary(), start);
            }
        }
        return postfix();
    }

    private Syntax postfix() {
        Syntax target = primary();
        while (peek().isSymbol(".") || peek().isSymbol("[")) {
            target = peek().isSymbol(".") ? dotted(target) : quoted(target);
        }
        return target;
    }

    /** {@code target.name}. */
    private Syntax dotted(Syntax target) {
        next++;
        Token name = peek();
        if (name.kind() != Token.Kind.NAME) {
            throw new ExpressionException(source, name.start(), "expected a property name after '.'");
        }
        next++;
        return new Syntax.Property(target, name.text(), name.start(), name.start() + name.text().length());
    }

    /**
     * {@code target['name']}: the property (or {@code Map} key) {@code name}, for a name that is not written as a
     * Java identifier, such as the header {@code REQUEST.headers['User-Agent']}.
     */
    private Syntax quoted(Syntax target) {
        next++;
        Token key = peek();
        if (key.kind() != Token.Kind.STRING) {
            throw new ExpressionException(source, key.start(), "expected a quoted name, as in headers['User-Agent']"
                    + " (only args takes a number, as in args[0])");
        }
        if (((String) key.value()).isEmpty()) {
            throw new ExpressionException(source, key.start(), "expected a name between the quotes, as in"
                    + " headers['User-Agent']");
        }
        next++;
        Token close = expect("]");
        return new Syntax.Property(target, (String) key.value(), key.start(), close.start() + 1);
    }

    private Syntax primary() {
        Token token = peek();
        next++;
        switch (token.kind()) {
            case NUMBER:
            case STRING:
                return new Syntax.Literal(token.value(), token.start(), token.start() + token.text().length());
            case NAME:
                return name(token);
            case SYMBOL:
                if (token.isSymbol("(")) {
                    Syntax inner = binary(0);
                    Token close = expect(")");
                    return new Syntax.Group(inner, token.start(), close.start() + 1);
                }
                throw unexpected(token);
            default:
                throw unexpected(token);
        }
    }

    private Syntax name(Token token) {
        int end = token.start() + token.text().length();
        switch (token.text()) {
            case "true":
                return new Syntax.Literal(Boolean.TRUE, token.start(), end);
            case "false":
                return new Syntax.Literal(Boolean.FALSE, token.start(), end);
            case "null":
                return new Syntax.Literal(null, token.start(), end);
            case "args":
                return peek().isSymbol("[") ? argument(token) : new Syntax.Name(token.text(), token.start(), end);
            default:
                return new Syntax.Name(token.text(), token.start(), end);
        }
    }

    private Syntax argument(Token args) {
        next++;
        Token index = peek();
        if (index.kind() != Token.Kind.NUMBER || !(index.value() instanceof Long)) {
            throw new ExpressionException(source, index.start(), "expected an integer index, as in args[0]");
        }
        next++;
        Token close = expect("]");
        return new Syntax.Argument((Long) index.value(), args.start(), index.start(), close.start() + 1);
    }

    private Token expect(String symbol) {
        Token token = peek();
        if (!token.isSymbol(symbol)) {
            throw new ExpressionException(source, token.start(), "expected '" + symbol + "'");
        }
        next++;
        return token;
    }

    private Token peek() {
        return tokens.get(next);
    }

    private ExpressionException unexpected(Token token) {
        if (token.kind() == Token.Kind.END) {
            return new ExpressionException(source, token.start(), "unexpected end of expression");
        }
        return new ExpressionException(source, token.start(), "unexpected '" + token.text() + "'");
    }
}
