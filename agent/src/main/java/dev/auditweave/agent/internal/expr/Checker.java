package dev.auditweave.agent.internal.expr;

import dev.auditweave.agent.internal.expr.StaticType.Kind;

/**
 * Type-checks a {@link Syntax} tree against a {@link ModelScope} and, through its {@link Nodes}, compiles it into
 * {@link Node}s, resolving every name and statically typed property on the way. Remembers what the expression reads.
 * Every decision and message is made here, whichever type model the scope comes from: the runtime
 * ({@link ReflectionModel}, {@link ReflectionNodes}) and the build-time processor ({@link Nodes#NONE}) share it.
 *
 * <p>This class walks the tree and checks property paths; the roots are checked by {@link RootChecks}, the
 * operators by {@link OperatorChecks}, the value of the whole by {@link ValueChecks}, all in one {@link CheckContext}.
 */
final class Checker {

    private final CheckContext context;
    private final Nodes nodes;
    private final RootChecks roots;
    private final ValueChecks values;
    private final OperatorChecks operators;

    /** @param expected what the expression is for: a guard ({@link Expected#BOOLEAN}) has rules of its own */
    Checker(String source, ModelScope scope, Nodes nodes, Expected expected) {
        this.context = new CheckContext(source, scope, nodes, expected == Expected.BOOLEAN);
        this.nodes = nodes;
        this.roots = new RootChecks(context);
        this.values = new ValueChecks(context);
        this.operators = new OperatorChecks(context, values);
    }

    boolean readsArguments() {
        return context.readsArguments();
    }

    boolean readsResult() {
        return context.readsResult();
    }

    boolean readsNow() {
        return context.readsNow();
    }

    boolean readsActor() {
        return ContextRoot.ACTOR.isIn(context.contextRoots());
    }

    /** The one parameter the expression reads, when it reads one and no {@link ContextRoot}; else -1. */
    int onlyParameter() {
        return context.onlyParameter();
    }

    /** The {@link ContextRoot}s the expression reads, as {@link ContextRoot#bit()}s. */
    int contextRoots() {
        return context.contextRoots();
    }

    Typed check(Syntax syntax) {
        if (syntax instanceof Syntax.Literal literal) {
            Object value = literal.value();
            return new Typed(nodes.constant(value), value == null ? StaticType.nullType(context.scope().model())
                    : context.known(value.getClass()), value instanceof Number number ? number : null);
        }
        if (syntax instanceof Syntax.Name name) {
            return roots.name(name);
        }
        if (syntax instanceof Syntax.Argument argument) {
            return roots.argument(argument);
        }
        if (syntax instanceof Syntax.Property property) {
            return property(property);
        }
        if (syntax instanceof Syntax.Group group) {
            return check(group.inner());
        }
        if (syntax instanceof Syntax.Unary unary) {
            return operators.unary(unary, check(unary.operand()));
        }
        Syntax.Binary binary = (Syntax.Binary) syntax;
        Typed left = check(binary.left());
        Typed right = check(binary.right());
        return operators.binary(binary, left, right);
    }

    /** Checks that the whole expression's value is what the caller needs. */
    void expect(Syntax expression, Typed typed, Expected expected) {
        values.expect(expression, typed, expected);
    }

    private Typed property(Syntax.Property syntax) {
        Typed target = check(syntax.target());
        StaticType type = target.type();
        if (type.is(Kind.DYNAMIC)) {
            return new Typed(nodes.dynamicProperty(target.node(), syntax.name()), type);
        }
        if (type.is(Kind.NULL)) {
            throw context.error(syntax.nameStart(), "no property '" + syntax.name() + "' on null");
        }
        ModelMember member = PropertyResolver.member(type.type(), syntax.name());
        if (member == null && type.type().is(Thrown.class.getName())) {
            throw context.error(syntax.nameStart(),
                    "no property '" + syntax.name() + "' on THROWN (it has: type, className,"
                    + " message)" + Suggestions.didYouMean(syntax.name(), PropertyResolver.names(type.type())));
        }
        String root = member == null ? rootName(type.type()) : null;
        if (root != null) {
            throw context.error(syntax.nameStart(), "no property '" + syntax.name() + "' on " + root + " (it has: "
                    + String.join(", ", PropertyResolver.names(type.type())) + ")"
                    + Suggestions.didYouMean(syntax.name(), PropertyResolver.names(type.type()))
                    + (root.equals("REQUEST") ? "; a header is read by name, as in REQUEST.headers['User-Agent']" : ""));
        }
        if (member == null) {
            throw context.error(syntax.nameStart(), PropertyResolver.missing(type.type(), syntax.name()));
        }
        try {
            return new Typed(nodes.property(target.node(), type.type(), syntax.name(), member),
                    StaticType.of(member.type()));
        } catch (IllegalAccessException e) {
            throw context.error(syntax.nameStart(), e.getMessage());
        }
    }

    /** How the error of a missing property names the context root of type {@code type}, or {@code null}. */
    private static String rootName(ModelType type) {
        if (type.is(Request.class.getName())) {
            return "REQUEST";
        }
        return type.is(Trace.class.getName()) ? "TRACE" : null;
    }
}
