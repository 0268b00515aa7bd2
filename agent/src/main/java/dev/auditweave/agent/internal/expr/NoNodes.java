package dev.auditweave.agent.internal.expr;

/** {@link Nodes#NONE}: the checker's verdict without an evaluation tree. */
final class NoNodes implements Nodes {

    @Override
    public Node constant(Object value) {
        return null;
    }

    @Override
    public Node result() {
        return null;
    }

    @Override
    public Node returnedRows() {
        return null;
    }

    @Override
    public Node now() {
        return null;
    }

    @Override
    public Node context(int slot) {
        return null;
    }

    @Override
    public Node argument(int index) {
        return null;
    }

    @Override
    public Node insertedFlag() {
        return null;
    }

    @Override
    public Node insertedDynamic() {
        return null;
    }

    @Override
    public Node insertedBy(ModelType owner, ModelMember accessor) {
        return null;
    }

    @Override
    public Node property(Node target, ModelType owner, String name, ModelMember member) {
        return null;
    }

    @Override
    public Node dynamicProperty(Node target, String name) {
        return null;
    }

    @Override
    public Node not(Node operand) {
        return null;
    }

    @Override
    public Node negate(Node operand) {
        return null;
    }

    @Override
    public Node or(Node left, Node right) {
        return null;
    }

    @Override
    public Node and(Node left, Node right) {
        return null;
    }

    @Override
    public Node equality(boolean negated, Node left, Node right) {
        return null;
    }

    @Override
    public Node stringEquality(boolean negated, Node left, Node right) {
        return null;
    }

    @Override
    public Node ordering(Ordering ordering, Node left, Node right) {
        return null;
    }

    @Override
    public Node concat(Node left, Node right) {
        return null;
    }

    @Override
    public Node arithmetic(ArithmeticOperator operator, String symbol, Node left, Node right) {
        return null;
    }
}
