package dev.auditweave.agent.internal.expr;

import dev.auditweave.agent.Actor;
import dev.auditweave.agent.internal.expr.StaticType.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Type-checks a {@link Syntax} tree against a {@link ModelScope} and, through its {@link Nodes}, compiles it into
 * {@link Node}s, resolving every name and statically typed property on the way. Remembers what the expression reads.
 * Every decision and message is made here, whichever type model the scope comes from: the runtime
 * ({@link ReflectionModel}, {@link ReflectionNodes}) and the build-time processor ({@link Nodes#NONE}) share it.
 */
final class Checker {

    private static final List<String> BUILT_INS = List.of("result", "RESULT", "RETURNED_ROWS", "INSERTED", "NOW",
            "ACTOR", "REQUEST", "TRACE", "MDC");
    private static final List<String> THROWN_BUILT_INS = List.of("THROWN", "NOW", "ACTOR", "REQUEST", "TRACE", "MDC");
    /** What an {@code on = Outcome.THROWN} annotation reads instead of the result. */
    private static final String THROWN_HINT = "THROWN is the exception (THROWN.type, THROWN.className, THROWN.message)";

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
    /**
     * Set once the expression read a built-in written like one of the method's parameters (a parameter named
     * {@code RESULT} or {@code NOW}): the built-in wins, and every later error says so and how to reach the
     * parameter, since such an error is most likely the author expecting the parameter.
     */
    private String shadowNote;

    /** @param expected what the expression is for: a guard ({@link Expected#BOOLEAN}) has rules of its own */
    Checker(String source, ModelScope scope, Nodes nodes, Expected expected) {
        this.source = source;
        this.scope = scope;
        this.nodes = nodes;
        this.guard = expected == Expected.BOOLEAN;
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

    boolean readsActor() {
        return ContextRoot.ACTOR.isIn(contextRoots);
    }

    /** The {@link ContextRoot}s the expression reads, as {@link ContextRoot#bit()}s. */
    int contextRoots() {
        return contextRoots;
    }

    Typed check(Syntax syntax) {
        if (syntax instanceof Syntax.Literal literal) {
            Object value = literal.value();
            return new Typed(nodes.constant(value), value == null ? StaticType.nullType(scope.model())
                    : known(value.getClass()), value instanceof Number number ? number : null);
        }
        if (syntax instanceof Syntax.Name name) {
            return name(name);
        }
        if (syntax instanceof Syntax.Argument argument) {
            return argument(argument);
        }
        if (syntax instanceof Syntax.Property property) {
            return property(property);
        }
        if (syntax instanceof Syntax.Group group) {
            return check(group.inner());
        }
        if (syntax instanceof Syntax.Unary unary) {
            return unary(unary);
        }
        return binary((Syntax.Binary) syntax);
    }

    /** Checks that the whole expression's value is what the caller needs. */
    void expect(Syntax expression, Typed typed, Expected expected) {
        StaticType type = typed.type();
        if (expected == Expected.BOOLEAN && !type.fits(Kind.BOOLEAN)) {
            throw error(expression.start(), "a guard must be a boolean expression, but " + text(expression)
                    + " is " + type.describe());
        }
        requireNamedPart(expression, typed);
        if (expected == Expected.EPOCH_MILLIS && !type.fits(Kind.NUMBER) && !isTime(type.type())) {
            throw error(expression.start(), "a time must be a number of epoch milliseconds, an Instant, a Date, "
                    + "an OffsetDateTime or a ZonedDateTime, but " + text(expression) + " is " + type.describe());
        }
        if (expected == Expected.REDACTED && !isRedactable(type)) {
            throw error(expression.start(), "a hashed or masked value must be text, a number, a character, a UUID"
                    + " or an enum constant, but " + text(expression) + " is " + type.describe()
                    + "; name the part to hide, or use redact = DROP");
        }
    }

    private static boolean isRedactable(StaticType type) {
        return type.fits(Kind.STRING) || type.is(Kind.NUMBER) || type.is(Kind.ENUM) || type.is(Kind.NULL)
                || type.type().is("char") || type.type().is("java.lang.Character")
                || type.type().isSubtypeOf("java.lang.CharSequence") || type.type().is("java.util.UUID");
    }

    /**
     * {@code REQUEST}, {@code REQUEST.headers} and {@code MDC} as a whole would send every header (cookies and
     * authorization included) or every logging key: a value must name the part it wants.
     */
    private void requireNamedPart(Syntax expression, Typed typed) {
        StaticType type = typed.type();
        if (type.is(Kind.DYNAMIC) || type.is(Kind.NULL)) {
            return;
        }
        if (type.type().is(Request.class.getName())) {
            throw error(expression.start(), text(expression) + " is the whole request, which would send every header"
                    + " (cookies and authorization included): name the part, as in REQUEST.ip, REQUEST.userAgent,"
                    + " REQUEST.method, REQUEST.path or REQUEST.headers['X-Request-Id']");
        }
        if (type.type().is(ContextMap.class.getName())) {
            throw error(expression.start(), text(expression) + " is a whole map of " + (text(expression).startsWith("MDC")
                    ? "logging context keys" : "headers") + ", which would send every entry: name the key, as in "
                    + (text(expression).startsWith("MDC") ? "MDC.requestId or MDC['request-id']"
                    : "REQUEST.headers['User-Agent']"));
        }
    }

    private static boolean isTime(ModelType type) {
        return type.is("java.time.Instant") || type.isSubtypeOf("java.util.Date")
                || type.is("java.time.OffsetDateTime") || type.is("java.time.ZonedDateTime");
    }

    /** The scope's model's view of a type the checker knows by itself. */
    private StaticType known(Class<?> type) {
        return StaticType.of(scope.model().type(type));
    }

    private Typed name(Syntax.Name name) {
        switch (name.name()) {
            case "result":
            case "RESULT":
                requireReturned(name, "the return value");
                return result(name);
            case "args": {
                int parameter = parameterIndex("args");
                throw error(name.start(), "args needs an index, as in args[0]" + (parameter < 0 ? ""
                        : "; parameter " + parameter + " 'args' is written 'args[" + parameter + "]'"));
            }
            case "RETURNED_ROWS":
                requireReturned(name, "the rows the result reports");
                noteShadowing(name, "the number of rows the result reports");
                requireRows(name);
                readsResult = true;
                return new Typed(nodes.returnedRows(), known(long.class));
            case "INSERTED":
                requireReturned(name, "whether the result reports an insert");
                noteShadowing(name, "whether the result reports an insert");
                return inserted(name);
            case "NOW":
                noteShadowing(name, "the capture instant in epoch milliseconds");
                readsNow = true;
                return new Typed(nodes.now(), known(long.class));
            case "THROWN":
                return thrown(name);
            case "ACTOR":
                noteShadowing(name, "the acting principal (an Actor, null for an anonymous caller)");
                return context(ContextRoot.ACTOR, Actor.class);
            case "REQUEST":
                noteShadowing(name, "the HTTP request being served (null outside a request)");
                return context(ContextRoot.REQUEST, Request.class);
            case "TRACE":
                noteShadowing(name, "the current OpenTelemetry span (null when there is none)");
                return context(ContextRoot.TRACE, Trace.class);
            case "MDC":
                noteShadowing(name, "the application's logging context (SLF4J's MDC)");
                return context(ContextRoot.MDC, ContextMap.class);
            default:
                return parameter(name);
        }
    }

    /**
     * A root read from the context of the call: it travels in the arguments array ({@link ContextRoot}), so a guard
     * that reads it is not decided by the result alone.
     */
    private Typed context(ContextRoot root, Class<?> type) {
        contextRoots |= root.bit();
        readsArguments = true;
        return new Typed(nodes.context(scope.actorSlot() + root.offset()), known(type));
    }

    /**
     * {@code THROWN}: the exception, seen as a {@link Thrown}; only in an {@code on = Outcome.THROWN} annotation,
     * where it takes the result's place in evaluation (that annotation has no result).
     */
    private Typed thrown(Syntax.Name name) {
        if (!scope.thrown()) {
            throw error(name.start(), "THROWN is only available with on = Outcome.THROWN, but this annotation fires"
                    + " when " + scope.description() + (scope.completion().later()
                    ? "'s " + scope.completion().typeName() + " completes normally" : " returns normally") + " (on = Outcome.RETURNED); add on = Outcome.THROWN to emit on the"
                    + " exception, or read the return value as 'result'");
        }
        noteShadowing(name, "the exception the method threw");
        return new Typed(nodes.result(), known(Thrown.class));
    }

    /** In an {@code on = Outcome.THROWN} annotation, the roots that read the result are errors. */
    private void requireReturned(Syntax.Name name, String meaning) {
        if (!scope.thrown()) {
            return;
        }
        int parameter = parameterIndex(name.name());
        throw error(name.start(), name.name() + " (" + meaning + ") is not available with on = Outcome.THROWN: "
                + scope.description() + " threw, so there is no " + (scope.completion().later() ? "completed value" : "result")
                + "; " + THROWN_HINT + (parameter < 0 ? "" : "; parameter " + describeParameter(parameter)
                + " is written 'args[" + parameter + "]'"));
    }

    /**
     * {@code result} and {@code RESULT}: the return value. {@code RESULT} always is; a bare {@code result} is
     * an error when a parameter is also named {@code result} (Spring MVC's {@code BindingResult result}), since
     * the author may have meant either.
     */
    private Typed result(Syntax.Name name) {
        String written = name.name();
        int parameter = parameterIndex(written);
        StaticType type = StaticType.of(scope.resultType());
        if (type.is(Kind.VOID)) {
            throw error(name.start(), written + " is not available: " + scope.description() + " returns void"
                    + (parameter < 0 ? "" : "; parameter " + describeParameter(parameter) + " is written 'args["
                    + parameter + "]' ('" + written + "' always means the return value)"));
        }
        if (written.equals("result") && parameter >= 0) {
            throw error(name.start(), "'result' is ambiguous in this method: it is the return value ("
                    + scope.resultType().simpleName() + ") and also parameter " + describeParameter(parameter)
                    + "; write 'args[" + parameter + "]' for the parameter, or 'RESULT' for the return value");
        }
        noteShadowing(name, "the return value (" + scope.resultType().simpleName() + ")");
        readsResult = true;
        return new Typed(nodes.result(), type);
    }

    /** The index of the parameter called {@code name}, or -1 (also when names are not available). */
    private int parameterIndex(String name) {
        List<String> names = scope.parameterNames();
        return names == null ? -1 : names.indexOf(name);
    }

    /**
     * {@code RETURNED_ROWS} of a method that returns nothing is always 0: a guard on it never holds, so the
     * annotation would silently never fire. (As a field it is a plain 0: pointless, not wrong.)
     */
    private void requireRows(Syntax.Name name) {
        ModelType result = scope.resultType();
        if (guard && (result.is("void") || result.is("java.lang.Void"))) {
            throw error(name.start(), "RETURNED_ROWS is always 0: " + scope.description()
                    + (scope.completion().later() ? " completes with " + result.genericName() : " returns void")
                    + ", so a guard on it can never hold; return the number of rows (an int, a long, an int[]),"
                    + " or drop the guard to emit on every call");
        }
    }

    /**
     * {@code status == 'ACTIV'} against an enum without that constant: always false ({@code !=}: always true), so
     * the annotation would silently never (or always) fire.
     */
    private void requireConstant(Syntax.Binary binary, Syntax literalSide, Typed enumSide) {
        Syntax literal = literalSide;
        while (literal instanceof Syntax.Group group) {
            literal = group.inner();
        }
        if (!(literal instanceof Syntax.Literal written) || !(written.value() instanceof String constant)
                || !enumSide.type().is(Kind.ENUM)) {
            return;
        }
        List<String> constants = enumSide.type().type().enumConstants();
        if (constants.isEmpty() || constants.contains(constant)) {
            return;
        }
        boolean equal = binary.operator() == Syntax.BinaryOperator.EQUAL;
        throw error(literal.start(), "'" + constant + "' is not a constant of " + enumSide.type().type().name()
                + " (it has: " + String.join(", ", constants) + "), so " + text(binary) + " is always "
                + (equal ? "false" : "true") + Suggestions.didYouMean(constant, constants));
    }

    /** {@code 1 'result' (BindingResult)}. */
    private String describeParameter(int index) {
        return index + " '" + scope.parameterNames().get(index) + "' ("
                + scope.parameterTypes().get(index).simpleName() + ")";
    }

    /** Remembers, for later errors, that the built-in {@code name} hides a parameter of the same name. */
    private void noteShadowing(Syntax.Name name, String meaning) {
        int parameter = parameterIndex(name.name());
        if (parameter >= 0 && shadowNote == null) {
            shadowNote = "; note: '" + name.name() + "' is " + meaning + ", not parameter "
                    + describeParameter(parameter) + ", which is written 'args[" + parameter + "]'";
        }
    }

    private Typed inserted(Syntax.Name name) {
        readsResult = true;
        StaticType type = StaticType.of(scope.resultType());
        if (type.is(Kind.BOOLEAN)) {
            return new Typed(nodes.insertedFlag(), known(Boolean.class));
        }
        if (type.is(Kind.DYNAMIC)) {
            return new Typed(nodes.insertedDynamic(), known(Boolean.class));
        }
        ModelMember accessor = PropertyResolver.insertedMember(type.type());
        if (accessor == null) {
            throw error(name.start(), "INSERTED needs a boolean result or a result with inserted() or isInserted(), "
                    + "but " + scope.description() + (scope.completion().later() ? " completes with " : " returns ")
                    + type.type().genericName());
        }
        try {
            return new Typed(nodes.insertedBy(type.type(), accessor), known(Boolean.class));
        } catch (IllegalAccessException e) {
            throw error(name.start(), e.getMessage());
        }
    }

    private Typed parameter(Syntax.Name name) {
        List<String> names = scope.parameterNames();
        if (names == null) {
            int count = scope.parameterTypes().size();
            throw error(name.start(), "parameter names are not available for " + scope.description()
                    + ": compile with -parameters (" + scope.parametersFix() + "), or use "
                    + (count == 1 ? "args[0]" : "args[0]..args[" + (count - 1) + "]"));
        }
        int index = names.indexOf(name.name());
        if (index < 0) {
            List<String> candidates = new ArrayList<>(names);
            candidates.addAll(scope.thrown() ? THROWN_BUILT_INS : BUILT_INS);
            throw error(name.start(), "unknown name '" + name.name() + "'; parameters are: "
                    + (names.isEmpty() ? "(none)" : String.join(", ", names))
                    + (scope.thrown() ? "; built-ins: args[i], THROWN, NOW, ACTOR, REQUEST, TRACE, MDC"
                    : "; built-ins: result, RESULT, args[i], RETURNED_ROWS, INSERTED, NOW, ACTOR, REQUEST, TRACE, MDC")
                    + Suggestions.didYouMean(name.name(), candidates));
        }
        return argument(index);
    }

    private Typed argument(Syntax.Argument argument) {
        int count = scope.parameterTypes().size();
        if (argument.index() >= count) {
            throw error(argument.indexStart(), "args[" + argument.index() + "] is out of range: "
                    + scope.description() + (count == 0 ? " has no parameters"
                    : " has " + count + (count == 1 ? " parameter" : " parameters")));
        }
        return argument((int) argument.index());
    }

    private Typed argument(int index) {
        readsArguments = true;
        return new Typed(nodes.argument(index), StaticType.of(scope.parameterTypes().get(index)));
    }

    private Typed property(Syntax.Property syntax) {
        Typed target = check(syntax.target());
        StaticType type = target.type();
        if (type.is(Kind.DYNAMIC)) {
            return new Typed(nodes.dynamicProperty(target.node(), syntax.name()), type);
        }
        if (type.is(Kind.NULL)) {
            throw error(syntax.nameStart(), "no property '" + syntax.name() + "' on null");
        }
        ModelMember member = PropertyResolver.member(type.type(), syntax.name());
        if (member == null && type.type().is(Thrown.class.getName())) {
            throw error(syntax.nameStart(), "no property '" + syntax.name() + "' on THROWN (it has: type, className,"
                    + " message)" + Suggestions.didYouMean(syntax.name(), PropertyResolver.names(type.type())));
        }
        String root = member == null ? rootName(type.type()) : null;
        if (root != null) {
            throw error(syntax.nameStart(), "no property '" + syntax.name() + "' on " + root + " (it has: "
                    + String.join(", ", PropertyResolver.names(type.type())) + ")"
                    + Suggestions.didYouMean(syntax.name(), PropertyResolver.names(type.type()))
                    + (root.equals("REQUEST") ? "; a header is read by name, as in REQUEST.headers['User-Agent']" : ""));
        }
        if (member == null) {
            throw error(syntax.nameStart(), PropertyResolver.missing(type.type(), syntax.name()));
        }
        try {
            return new Typed(nodes.property(target.node(), type.type(), syntax.name(), member),
                    StaticType.of(member.type()));
        } catch (IllegalAccessException e) {
            throw error(syntax.nameStart(), e.getMessage());
        }
    }

    /** How the error of a missing property names the context root of type {@code type}, or {@code null}. */
    private static String rootName(ModelType type) {
        if (type.is(Request.class.getName())) {
            return "REQUEST";
        }
        return type.is(Trace.class.getName()) ? "TRACE" : null;
    }

    private Typed unary(Syntax.Unary unary) {
        Typed operand = check(unary.operand());
        if (unary.operator() == Syntax.UnaryOperator.NOT) {
            requireBoolean(unary.operand(), operand, "!", "a boolean");
            return new Typed(nodes.not(operand.node()), known(Boolean.class));
        }
        if (!operand.type().fits(Kind.NUMBER) && !operand.type().is(Kind.NULL)) {
            throw error(unary.operand().start(), "operator '-' needs a number, but " + text(unary.operand())
                    + " is " + operand.type().describe());
        }
        // A negative literal is a constant of its own type (and its node is folded: no new Long on every call).
        if (operand.constant() != null) {
            Number negated = Numbers.negate(operand.constant());
            return new Typed(nodes.negate(operand.node()), known(negated.getClass()), negated);
        }
        return new Typed(nodes.negate(operand.node()), known(Number.class));
    }

    private Typed binary(Syntax.Binary binary) {
        Typed left = check(binary.left());
        Typed right = check(binary.right());
        switch (binary.operator()) {
            case OR:
                requireBoolean(binary.left(), left, "||", "booleans");
                requireBoolean(binary.right(), right, "||", "booleans");
                return new Typed(nodes.or(left.node(), right.node()), known(Boolean.class));
            case AND:
                requireBoolean(binary.left(), left, "&&", "booleans");
                requireBoolean(binary.right(), right, "&&", "booleans");
                return new Typed(nodes.and(left.node(), right.node()), known(Boolean.class));
            case EQUAL:
            case NOT_EQUAL:
                if (!canBeEqual(left.type(), right.type())) {
                    throw incomparable(binary, left, right);
                }
                requireConstant(binary, binary.left(), right);
                requireConstant(binary, binary.right(), left);
                return new Typed(nodes.equality(binary.operator() == Syntax.BinaryOperator.NOT_EQUAL,
                        left.node(), right.node()), known(Boolean.class));
            case LESS:
                return ordering(binary, Ordering.LESS, left, right);
            case LESS_OR_EQUAL:
                return ordering(binary, Ordering.LESS_OR_EQUAL, left, right);
            case GREATER:
                return ordering(binary, Ordering.GREATER, left, right);
            case GREATER_OR_EQUAL:
                return ordering(binary, Ordering.GREATER_OR_EQUAL, left, right);
            case PLUS:
                if (left.type().is(Kind.STRING) || right.type().is(Kind.STRING)) {
                    requireNamedPart(binary.left(), left);
                    requireNamedPart(binary.right(), right);
                    return new Typed(nodes.concat(left.node(), right.node()), known(String.class));
                }
                return arithmetic(binary, ArithmeticOperator.PLUS, left, right);
            case MINUS:
                return arithmetic(binary, ArithmeticOperator.MINUS, left, right);
            case TIMES:
                return arithmetic(binary, ArithmeticOperator.TIMES, left, right);
            case DIVIDE:
                return arithmetic(binary, ArithmeticOperator.DIVIDE, left, right);
            default:
                return arithmetic(binary, ArithmeticOperator.REMAINDER, left, right);
        }
    }

    private Typed arithmetic(Syntax.Binary binary, ArithmeticOperator operator, Typed left, Typed right) {
        requireNumber(binary, binary.left(), left);
        requireNumber(binary, binary.right(), right);
        // A dynamic operand may turn out to be a String, and then '+' concatenates.
        boolean mayConcatenate = operator == ArithmeticOperator.PLUS
                && (left.type().is(Kind.DYNAMIC) || right.type().is(Kind.DYNAMIC));
        return new Typed(nodes.arithmetic(operator, binary.operator().symbol, left.node(), right.node()),
                known(mayConcatenate ? Object.class : Number.class));
    }

    private void requireNumber(Syntax.Binary binary, Syntax operand, Typed typed) {
        if (typed.type().fits(Kind.NUMBER) || typed.type().is(Kind.NULL)) {
            return;
        }
        String symbol = binary.operator().symbol;
        throw error(operand.start(), "operator '" + symbol + "' needs numbers"
                + (binary.operator() == Syntax.BinaryOperator.PLUS ? " or a String" : "")
                + ", but " + text(operand) + " is " + typed.type().describe());
    }

    private void requireBoolean(Syntax operand, Typed typed, String symbol, String needs) {
        if (!typed.type().fits(Kind.BOOLEAN) && !typed.type().is(Kind.NULL)) {
            throw error(operand.start(), "operator '" + symbol + "' needs " + needs + ", but " + text(operand)
                    + " is " + typed.type().describe());
        }
    }

    private Typed ordering(Syntax.Binary binary, Ordering ordering, Typed left, Typed right) {
        if (!canBeOrdered(left.type(), right.type())) {
            throw incomparable(binary, left, right);
        }
        return new Typed(nodes.ordering(ordering, left.node(), right.node()), known(Boolean.class));
    }

    private ExpressionException incomparable(Syntax.Binary binary, Typed left, Typed right) {
        return error(binary.operatorStart(), "operator '" + binary.operator().symbol + "' cannot compare "
                + text(binary.left()) + " (" + left.type().describe() + ") with "
                + text(binary.right()) + " (" + right.type().describe() + ")");
    }

    /** False only when the static types rule out equal values, for example a String and a number. */
    private static boolean canBeEqual(StaticType a, StaticType b) {
        if (a.is(Kind.DYNAMIC) || b.is(Kind.DYNAMIC) || a.is(Kind.NULL) || b.is(Kind.NULL)) {
            return true;
        }
        if (a.is(Kind.NUMBER) && b.is(Kind.NUMBER)) {
            return true;
        }
        if ((a.is(Kind.ENUM) && b.is(Kind.STRING)) || (a.is(Kind.STRING) && b.is(Kind.ENUM))) {
            return true;
        }
        if (a.accepts(b) || b.accepts(a)) {
            return true;
        }
        // An interface and a non-final class may still meet in a subclass that implements the interface.
        ModelType x = a.type();
        ModelType y = b.type();
        return (x.isInterface() && !y.isFinal()) || (y.isInterface() && !x.isFinal());
    }

    private static boolean canBeOrdered(StaticType a, StaticType b) {
        if (a.is(Kind.DYNAMIC) || b.is(Kind.DYNAMIC) || a.is(Kind.NULL) || b.is(Kind.NULL)) {
            return true;
        }
        if (a.is(Kind.NUMBER) && b.is(Kind.NUMBER)) {
            return true;
        }
        if (a.is(Kind.BOOLEAN) || b.is(Kind.BOOLEAN) || a.is(Kind.NUMBER) || b.is(Kind.NUMBER)) {
            return false;
        }
        return a.type().isSubtypeOf("java.lang.Comparable") && b.type().isSubtypeOf("java.lang.Comparable")
                && (a.accepts(b) || b.accepts(a));
    }

    private String text(Syntax syntax) {
        return source.substring(syntax.start(), syntax.end());
    }

    private ExpressionException error(int position, String reason) {
        return new ExpressionException(source, position, shadowNote == null ? reason : reason + shadowNote);
    }
}
