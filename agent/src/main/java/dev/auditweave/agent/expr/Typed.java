package dev.auditweave.agent.expr;

/** A checked sub-expression: its compiled node and what is known of its value. */
record Typed(Node node, StaticType type) {
}
