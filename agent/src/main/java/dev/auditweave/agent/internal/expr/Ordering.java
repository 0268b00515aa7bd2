package dev.auditweave.agent.internal.expr;

/** {@code < <= > >=}, as a test of a comparison's sign. */
enum Ordering {
    LESS("<"), LESS_OR_EQUAL("<="), GREATER(">"), GREATER_OR_EQUAL(">=");

    final String symbol;

    Ordering(String symbol) {
        this.symbol = symbol;
    }

    /** The ordering with its operands swapped: {@code a < b} is {@code b > a}. */
    Ordering mirrored() {
        switch (this) {
            case LESS:
                return GREATER;
            case LESS_OR_EQUAL:
                return GREATER_OR_EQUAL;
            case GREATER:
                return LESS;
            default:
                return LESS_OR_EQUAL;
        }
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
