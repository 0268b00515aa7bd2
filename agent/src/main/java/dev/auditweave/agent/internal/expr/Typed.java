package dev.auditweave.agent.internal.expr;

/**
 * A checked sub-expression: its compiled node ({@code null} when the check builds none), what is known of its
 * value, and the value itself when it is a number known before run time (a literal, or a negated one).
 */
record Typed(Node node, StaticType type, Number constant) {

    Typed(Node node, StaticType type) {
        this(node, type, null);
    }
}
