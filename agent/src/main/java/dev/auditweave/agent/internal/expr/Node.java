package dev.auditweave.agent.internal.expr;

/** One node of a compiled expression: everything it needs was resolved at compile time. */
interface Node {

    Object evaluate(Object[] args, Object result, long now);

    /**
     * The fewest {@code RETURNED_ROWS} for which this boolean node can be true; {@link Long#MIN_VALUE} when that is
     * not known (any node but a rows comparison and a conjunction of them).
     */
    default long rowsAtLeast() {
        return Long.MIN_VALUE;
    }
}
