package dev.auditweave.agent.internal.expr;

/**
 * How the {@link Checker} builds the evaluation tree of what it has checked. Only the run-time side builds nodes
 * ({@link ReflectionNodes}); the build-time check uses {@link #NONE}, whose every node is {@code null}.
 */
interface Nodes {

    /** Builds nothing: for a check that only wants the verdict. */
    Nodes NONE = new NoNodes();

    Node constant(Object value);

    Node result();

    Node returnedRows();

    Node now();

    /** A {@link ContextRoot}, read from its slot in the arguments array. */
    Node context(int slot);

    Node argument(int index);

    /** {@code INSERTED} on a boolean result. */
    Node insertedFlag();

    /** {@code INSERTED} on a dynamically typed result. */
    Node insertedDynamic();

    /** {@code INSERTED} read through {@code accessor} of the result type {@code owner}. */
    Node insertedBy(ModelType owner, ModelMember accessor) throws IllegalAccessException;

    /** {@code target.name}, read through {@code member} of {@code owner}. */
    Node property(Node target, ModelType owner, String name, ModelMember member) throws IllegalAccessException;

    /** {@code target.name} on a dynamically typed target. */
    Node dynamicProperty(Node target, String name);

    Node not(Node operand);

    Node negate(Node operand);

    Node or(Node left, Node right);

    Node and(Node left, Node right);

    Node equality(boolean negated, Node left, Node right);

    /** {@code ==} or {@code !=} of two operands both declared {@code String}: no number or enum to tell apart. */
    Node stringEquality(boolean negated, Node left, Node right);

    Node ordering(Ordering ordering, Node left, Node right);

    Node concat(Node left, Node right);

    Node arithmetic(ArithmeticOperator operator, String symbol, Node left, Node right);
}
