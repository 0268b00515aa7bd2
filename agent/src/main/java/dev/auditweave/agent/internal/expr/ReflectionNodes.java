package dev.auditweave.agent.internal.expr;

import java.lang.reflect.Method;

/** The run-time {@link Nodes}: the evaluation tree of a checked expression, its members read by method handles. */
final class ReflectionNodes implements Nodes {

    static final ReflectionNodes INSTANCE = new ReflectionNodes(-1);

    /** The parameter read in the result's place ({@link #argumentAsResult}); -1: none. */
    private final int argumentAsResult;

    private ReflectionNodes(int argumentAsResult) {
        this.argumentAsResult = argumentAsResult;
    }

    /**
     * Nodes that read parameter {@code index} where the result is read, for an expression that reads that parameter
     * and nothing else of the call: evaluated with the argument alone, as {@code evaluate(null, argument, 0L)}.
     */
    static ReflectionNodes argumentAsResult(int index) {
        return new ReflectionNodes(index);
    }

    @Override
    public Node constant(Object value) {
        return new ConstantNode(value);
    }

    @Override
    public Node result() {
        return new ResultNode();
    }

    @Override
    public Node returnedRows() {
        return new ReturnedRowsNode();
    }

    @Override
    public Node now() {
        return new NowNode();
    }

    @Override
    public Node context(int slot) {
        return new ContextNode(slot);
    }

    @Override
    public Node argument(int index) {
        return index == argumentAsResult ? new ResultNode() : new ArgumentNode(index);
    }

    @Override
    public Node insertedFlag() {
        return new IsTrueNode(new ResultNode());
    }

    @Override
    public Node insertedDynamic() {
        return new DynamicInsertedNode();
    }

    @Override
    public Node insertedBy(ModelType owner, ModelMember accessor) throws IllegalAccessException {
        Class<?> raw = ((ReflectType) owner).raw();
        PropertyReader flag = new HandleReader(accessor.name(), Handles.of(raw, (Method) accessor.source()));
        return new IsTrueNode(new PropertyNode(new ResultNode(), flag));
    }

    @Override
    public Node property(Node target, ModelType owner, String name, ModelMember member) throws IllegalAccessException {
        return new PropertyNode(target, PropertyResolver.reader(((ReflectType) owner).raw(), name, member));
    }

    @Override
    public Node dynamicProperty(Node target, String name) {
        return new DynamicPropertyNode(target, name);
    }

    @Override
    public Node not(Node operand) {
        return new NotNode(operand);
    }

    @Override
    public Node negate(Node operand) {
        // A negative literal is folded, so that "-1" does not box a new Long on every call.
        if (operand instanceof ConstantNode constant && constant.value() instanceof Number number) {
            return new ConstantNode(Numbers.negate(number));
        }
        return new NegateNode(operand);
    }

    @Override
    public Node or(Node left, Node right) {
        return new OrNode(left, right);
    }

    @Override
    public Node and(Node left, Node right) {
        return new AndNode(left, right);
    }

    @Override
    public Node equality(boolean negated, Node left, Node right) {
        return new EqualityNode(negated, left, right);
    }

    @Override
    public Node stringEquality(boolean negated, Node left, Node right) {
        return new StringEqualityNode(negated, left, right);
    }

    @Override
    public Node ordering(Ordering ordering, Node left, Node right) {
        Node fast = RowsThresholdNode.of(ordering, left, right);
        return fast != null ? fast : new OrderingNode(ordering, left, right);
    }

    @Override
    public Node concat(Node left, Node right) {
        return new ConcatNode(left, right);
    }

    @Override
    public Node arithmetic(ArithmeticOperator operator, String symbol, Node left, Node right) {
        return new ArithmeticNode(operator, symbol, left, right);
    }
}
