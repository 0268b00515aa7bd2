package dev.auditweave.agent.internal.expr;

import java.util.Objects;

/**
 * {@code ==} or {@code !=} of two operands the checker found both declared {@code String}
 * ({@code reason == 'fraud'}): what {@link Values#equal} answers for them, without its number and enum cases, so that
 * a guard on a text argument stays small enough to be inlined into the instrumented method.
 */
final class StringEqualityNode implements Node {

    private final boolean negated;
    private final Node left;
    private final Node right;

    StringEqualityNode(boolean negated, Node left, Node right) {
        this.negated = negated;
        this.left = left;
        this.right = right;
    }

    /**
     * The text this node compares the result with, when it is {@code result == 'text'} or {@code 'text' != result}
     * (an argument check, which reads its argument in the result's place); else {@code null}.
     */
    String textComparedWithResult() {
        if (left instanceof ResultNode && right instanceof ConstantNode constant && constant.value() instanceof String text) {
            return text;
        }
        if (right instanceof ResultNode && left instanceof ConstantNode constant && constant.value() instanceof String text) {
            return text;
        }
        return null;
    }

    /** Whether this is {@code !=}. */
    boolean negated() {
        return negated;
    }

    @Override
    public Object evaluate(Object[] args, Object result, long now) {
        return negated != Objects.equals(left.evaluate(args, result, now), right.evaluate(args, result, now));
    }
}
