package dev.auditweave.agent.internal.expr;

import dev.auditweave.agent.internal.expr.StaticType.Kind;
import java.util.List;

/**
 * The operators: {@code ! -}, {@code || &&}, equality and ordering, {@code + - * / %} and string concatenation; what
 * their operands must be, and the comparisons that could never hold.
 */
final class OperatorChecks {

    private final CheckContext context;
    private final Nodes nodes;
    private final ValueChecks values;

    OperatorChecks(CheckContext context, ValueChecks values) {
        this.context = context;
        this.nodes = context.nodes();
        this.values = values;
    }

    /** {@code !} and {@code -} on an {@code operand} checked already. */
    Typed unary(Syntax.Unary unary, Typed operand) {
        if (unary.operator() == Syntax.UnaryOperator.NOT) {
            requireBoolean(unary.operand(), operand, "!", "a boolean");
            return new Typed(nodes.not(operand.node()), context.known(Boolean.class));
        }
        if (!operand.type().fits(Kind.NUMBER) && !operand.type().is(Kind.NULL)) {
            throw context.error(unary.operand().start(),
                    "operator '-' needs a number, but " + context.text(unary.operand())
                    + " is " + operand.type().describe());
        }
        // A negative literal is a constant of its own type (and its node is folded: no new Long on every call).
        if (operand.constant() != null) {
            Number negated = Numbers.negate(operand.constant());
            return new Typed(nodes.negate(operand.node()), context.known(negated.getClass()), negated);
        }
        return new Typed(nodes.negate(operand.node()), context.known(Number.class));
    }

    /** A binary operator on operands checked already. */
    Typed binary(Syntax.Binary binary, Typed left, Typed right) {
        switch (binary.operator()) {
            case OR:
                requireBooleans(binary, left, right);
                return new Typed(nodes.or(left.node(), right.node()), context.known(Boolean.class));
            case AND:
                requireBooleans(binary, left, right);
                return new Typed(nodes.and(left.node(), right.node()), context.known(Boolean.class));
            case EQUAL:
            case NOT_EQUAL:
                if (!canBeEqual(left.type(), right.type())) {
                    throw incomparable(binary, left, right);
                }
                requireConstant(binary, binary.left(), right);
                requireConstant(binary, binary.right(), left);
                boolean negated = binary.operator() == Syntax.BinaryOperator.NOT_EQUAL;
                Node equality = left.type().is(Kind.STRING) && right.type().is(Kind.STRING)
                        ? nodes.stringEquality(negated, left.node(), right.node())
                        : nodes.equality(negated, left.node(), right.node());
                return new Typed(equality, context.known(Boolean.class));
            case LESS:
                return ordering(binary, Ordering.LESS, left, right);
            case LESS_OR_EQUAL:
                return ordering(binary, Ordering.LESS_OR_EQUAL, left, right);
            case GREATER:
                return ordering(binary, Ordering.GREATER, left, right);
            case GREATER_OR_EQUAL:
                return ordering(binary, Ordering.GREATER_OR_EQUAL, left, right);
            case PLUS:
                if (left.type().is(Kind.STRING) || right.type().is(Kind.STRING)) {
                    values.requireNamedPart(binary.left(), left);
                    values.requireNamedPart(binary.right(), right);
                    return new Typed(nodes.concat(left.node(), right.node()), context.known(String.class));
                }
                return arithmetic(binary, ArithmeticOperator.PLUS, left, right);
            case MINUS:
                return arithmetic(binary, ArithmeticOperator.MINUS, left, right);
            case TIMES:
                return arithmetic(binary, ArithmeticOperator.TIMES, left, right);
            case DIVIDE:
                return arithmetic(binary, ArithmeticOperator.DIVIDE, left, right);
            default:
                return arithmetic(binary, ArithmeticOperator.REMAINDER, left, right);
        }
    }

    private Typed arithmetic(Syntax.Binary binary, ArithmeticOperator operator, Typed left, Typed right) {
        requireNumber(binary, binary.left(), left);
        requireNumber(binary, binary.right(), right);
        // A dynamic operand may turn out to be a String, and then '+' concatenates.
        boolean mayConcatenate = operator == ArithmeticOperator.PLUS
                && (left.type().is(Kind.DYNAMIC) || right.type().is(Kind.DYNAMIC));
        return new Typed(nodes.arithmetic(operator, binary.operator().symbol, left.node(), right.node()),
                context.known(mayConcatenate ? Object.class : Number.class));
    }

    private void requireNumber(Syntax.Binary binary, Syntax operand, Typed typed) {
        if (typed.type().fits(Kind.NUMBER) || typed.type().is(Kind.NULL)) {
            return;
        }
        String symbol = binary.operator().symbol;
        throw context.error(operand.start(), "operator '" + symbol + "' needs numbers"
                + (binary.operator() == Syntax.BinaryOperator.PLUS ? " or a String" : "")
                + ", but " + context.text(operand) + " is " + typed.type().describe());
    }

    /** Both operands of {@code ||} or {@code &&}, the left one first. */
    private void requireBooleans(Syntax.Binary binary, Typed left, Typed right) {
        String symbol = binary.operator().symbol;
        requireBoolean(binary.left(), left, symbol, "booleans");
        requireBoolean(binary.right(), right, symbol, "booleans");
    }

    private void requireBoolean(Syntax operand, Typed typed, String symbol, String needs) {
        if (!typed.type().fits(Kind.BOOLEAN) && !typed.type().is(Kind.NULL)) {
            throw context.error(operand.start(),
                    "operator '" + symbol + "' needs " + needs + ", but " + context.text(operand)
                    + " is " + typed.type().describe());
        }
    }

    private Typed ordering(Syntax.Binary binary, Ordering ordering, Typed left, Typed right) {
        if (!canBeOrdered(left.type(), right.type())) {
            throw incomparable(binary, left, right);
        }
        return new Typed(nodes.ordering(ordering, left.node(), right.node()), context.known(Boolean.class));
    }

    private ExpressionException incomparable(Syntax.Binary binary, Typed left, Typed right) {
        return context.error(binary.operatorStart(), "operator '" + binary.operator().symbol + "' cannot compare "
                + context.text(binary.left()) + " (" + left.type().describe() + ") with "
                + context.text(binary.right()) + " (" + right.type().describe() + ")");
    }

    /** False only when the static types rule out equal values, for example a String and a number. */
    private static boolean canBeEqual(StaticType a, StaticType b) {
        if (a.is(Kind.DYNAMIC) || b.is(Kind.DYNAMIC) || a.is(Kind.NULL) || b.is(Kind.NULL)) {
            return true;
        }
        if (a.is(Kind.NUMBER) && b.is(Kind.NUMBER)) {
            return true;
        }
        if ((a.is(Kind.ENUM) && b.is(Kind.STRING)) || (a.is(Kind.STRING) && b.is(Kind.ENUM))) {
            return true;
        }
        if (a.accepts(b) || b.accepts(a)) {
            return true;
        }
        // An interface and a non-final class may still meet in a subclass that implements the interface.
        ModelType x = a.type();
        ModelType y = b.type();
        return (x.isInterface() && !y.isFinal()) || (y.isInterface() && !x.isFinal());
    }

    private static boolean canBeOrdered(StaticType a, StaticType b) {
        if (a.is(Kind.DYNAMIC) || b.is(Kind.DYNAMIC) || a.is(Kind.NULL) || b.is(Kind.NULL)) {
            return true;
        }
        if (a.is(Kind.NUMBER) && b.is(Kind.NUMBER)) {
            return true;
        }
        if (a.is(Kind.BOOLEAN) || b.is(Kind.BOOLEAN) || a.is(Kind.NUMBER) || b.is(Kind.NUMBER)) {
            return false;
        }
        return a.type().isSubtypeOf("java.lang.Comparable") && b.type().isSubtypeOf("java.lang.Comparable")
                && (a.accepts(b) || b.accepts(a));
    }

    /**
     * {@code status == 'ACTIV'} against an enum without that constant: always false ({@code !=}: always true), so
     * the annotation would silently never (or always) fire.
     */
    private void requireConstant(Syntax.Binary binary, Syntax literalSide, Typed enumSide) {
        Syntax literal = literalSide;
        while (literal instanceof Syntax.Group group) {
            literal = group.inner();
        }
        if (!(literal instanceof Syntax.Literal written) || !(written.value() instanceof String constant)
                || !enumSide.type().is(Kind.ENUM)) {
            return;
        }
        List<String> constants = enumSide.type().type().enumConstants();
        if (constants.isEmpty() || constants.contains(constant)) {
            return;
        }
        boolean equal = binary.operator() == Syntax.BinaryOperator.EQUAL;
        throw context.error(literal.start(), "'" + constant + "' is not a constant of " + enumSide.type().type().name()
                + " (it has: " + String.join(", ", constants) + "), so " + context.text(binary) + " is always "
                + (equal ? "false" : "true") + Suggestions.didYouMean(constant, constants));
    }
}
