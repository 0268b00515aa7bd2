package dev.auditweave.agent.internal.expr;

/** A {@link CompiledExpression} backed by a tree of {@link Node}s. */
final class CompiledTree implements CompiledExpression {

    private final String source;
    private final Node root;
    private final boolean readsArguments;
    private final boolean readsResult;
    private final boolean readsNow;
    private final int contextRoots;

    CompiledTree(String source, Node root, boolean readsArguments, boolean readsResult, boolean readsNow,
                 int contextRoots) {
        this.source = source;
        this.root = root;
        this.readsArguments = readsArguments;
        this.readsResult = readsResult;
        this.readsNow = readsNow;
        this.contextRoots = contextRoots;
    }

    @Override
    public Object evaluate(Object[] args, Object result, long nowMillis) {
        return root.evaluate(args, result, nowMillis);
    }

    @Override
    public long rowsAtLeast() {
        return root.rowsAtLeast();
    }

    @Override
    public String source() {
        return source;
    }

    @Override
    public boolean readsArguments() {
        return readsArguments;
    }

    @Override
    public boolean readsResult() {
        return readsResult;
    }

    @Override
    public boolean readsNow() {
        return readsNow;
    }

    @Override
    public boolean readsActor() {
        return ContextRoot.ACTOR.isIn(contextRoots);
    }

    @Override
    public int contextRoots() {
        return contextRoots;
    }

    @Override
    public String toString() {
        return source;
    }
}
