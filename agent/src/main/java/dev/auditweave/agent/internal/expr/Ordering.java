package dev.auditweave.agent.internal.expr;

/** {@code < <= > >=}, as a test of a comparison's sign. */
enum Ordering {
    LESS("<"), LESS_OR_EQUAL("<="), GREATER(">"), GREATER_OR_EQUAL(">=");

    final String symbol;

    Ordering(String symbol) {
        this.symbol = symbol;
    }

    boolean holds(int comparison) {
        switch (this) {
            case LESS:
                return comparison < 0;
            case LESS_OR_EQUAL:
                return comparison <= 0;
            case GREATER:
                return comparison > 0;
            default:
                return comparison >= 0;
        }
    }
}
