package dev.auditweave.agent.internal.expr;

/**
 * What the checks of one expression share: its source, the scope and the nodes it is checked and compiled with,
 * what it reads so far, and how its errors read (a caret position, and once made, the note about a shadowed
 * parameter).
 */
final class CheckContext {

    private static final int NO_PARAMETER = -1;
    private static final int PARAMETERS = -2;

    private final String source;
    private final ModelScope scope;
    private final Nodes nodes;
    /** Whether the expression is a guard ({@code when}). */
    private final boolean guard;
    private boolean readsArguments;
    private boolean readsResult;
    private boolean readsNow;
    /** The {@link ContextRoot}s read, as bits. */
    private int contextRoots;
    /** The one parameter read so far, {@link #NO_PARAMETER} before any, {@link #PARAMETERS} once two differ. */
    private int parameter = NO_PARAMETER;
    /**
     * Set once the expression read a built-in written like one of the method's parameters (a parameter named
     * {@code RESULT} or {@code NOW}): the built-in wins, and every later error says so and how to reach the
     * parameter, since such an error is most likely the author expecting the parameter.
     */
    private String shadowNote;

    CheckContext(String source, ModelScope scope, Nodes nodes, boolean guard) {
        this.source = source;
        this.scope = scope;
        this.nodes = nodes;
        this.guard = guard;
    }

    ModelScope scope() {
        return scope;
    }

    Nodes nodes() {
        return nodes;
    }

    boolean guard() {
        return guard;
    }

    boolean readsArguments() {
        return readsArguments;
    }

    boolean readsResult() {
        return readsResult;
    }

    boolean readsNow() {
        return readsNow;
    }

    int contextRoots() {
        return contextRoots;
    }

    /**
     * The one parameter the expression reads, by index, when it reads exactly one (by name or as {@code args[i]},
     * any number of times) and no {@link ContextRoot}; else -1.
     */
    int onlyParameter() {
        return contextRoots == 0 && parameter >= 0 ? parameter : -1;
    }

    void readParameter(int index) {
        readsArguments = true;
        parameter = parameter == NO_PARAMETER || parameter == index ? index : PARAMETERS;
    }

    void readResult() {
        readsResult = true;
    }

    void readNow() {
        readsNow = true;
    }

    /** A root read from the context of the call, which travels in the arguments array. */
    void readContext(ContextRoot root) {
        contextRoots |= root.bit();
        readsArguments = true;
    }

    /** Keeps {@code note} for every later error, unless an earlier note was kept. */
    void noteOnce(String note) {
        if (shadowNote == null) {
            shadowNote = note;
        }
    }

    /** The scope's model's view of a type the checker knows by itself. */
    StaticType known(Class<?> type) {
        return StaticType.of(scope.model().type(type));
    }

    String text(Syntax syntax) {
        return source.substring(syntax.start(), syntax.end());
    }

    ExpressionException error(int position, String reason) {
        return new ExpressionException(source, position, shadowNote == null ? reason : reason + shadowNote);
    }
}
