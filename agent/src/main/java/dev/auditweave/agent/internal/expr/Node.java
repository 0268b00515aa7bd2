package dev.auditweave.agent.internal.expr;

/** One node of a compiled expression: everything it needs was resolved at compile time. */
interface Node {

    Object evaluate(Object[] args, Object result, long now);
}
