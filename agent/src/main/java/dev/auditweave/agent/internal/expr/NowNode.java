package dev.auditweave.agent.internal.expr;

/** {@code NOW}: the capture instant in epoch milliseconds. */
final class NowNode implements Node {

    @Override
    public Object evaluate(Object[] args, Object result, long now) {
        return now;
    }
}
