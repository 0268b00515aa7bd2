package dev.auditweave.agent.internal.expr;

/**
 * The parsed, not yet checked, form of an expression. Every node knows the part of the source it spans, so
 * that type errors can quote it and point at it.
 */
interface Syntax {

    /** 0-based index of the node's first character. */
    int start();

    /** 0-based index just after the node's last character. */
    int end();

    enum UnaryOperator {
        NOT("!"), NEGATE("-");

        final String symbol;

        UnaryOperator(String symbol) {
            this.symbol = symbol;
        }
    }

    enum BinaryOperator {
        OR("||"), AND("&&"), EQUAL("=="), NOT_EQUAL("!="), LESS("<"), LESS_OR_EQUAL("<="), GREATER(">"),
        GREATER_OR_EQUAL(">="), PLUS("+"), MINUS("-"), TIMES("*"), DIVIDE("/"), REMAINDER("%");

        final String symbol;

        BinaryOperator(String symbol) {
            this.symbol = symbol;
        }
    }

    /** {@code 1}, {@code 2.5}, {@code 'text'}, {@code true}, {@code null}. */
    record Literal(Object value, int start, int end) implements Syntax {
    }

    /** A parameter name or a built-in such as {@code result}, {@code RESULT} or {@code NOW}. */
    record Name(String name, int start, int end) implements Syntax {
    }

    /** {@code args[index]}; {@code indexStart} is where the index is written. */
    record Argument(long index, int start, int indexStart, int end) implements Syntax {
    }

    /** {@code target.name}. */
    record Property(Syntax target, String name, int nameStart, int end) implements Syntax {
        @Override
        public int start() {
            return target.start();
        }
    }

    /** {@code (inner)}: kept so that a quoted operand includes its parentheses. */
    record Group(Syntax inner, int start, int end) implements Syntax {
    }

    record Unary(UnaryOperator operator, Syntax operand, int start) implements Syntax {
        @Override
        public int end() {
            return operand.end();
        }
    }

    record Binary(BinaryOperator operator, Syntax left, Syntax right, int operatorStart) implements Syntax {
        @Override
        public int start() {
            return left.start();
        }

        @Override
        public int end() {
            return right.end();
        }
    }
}
