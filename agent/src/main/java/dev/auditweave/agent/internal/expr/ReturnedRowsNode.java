package dev.auditweave.agent.internal.expr;

/** {@code RETURNED_ROWS}: see {@link RowCount}. */
final class ReturnedRowsNode implements Node {

    @Override
    public Object evaluate(Object[] args, Object result, long now) {
        return RowCount.of(result);
    }
}
