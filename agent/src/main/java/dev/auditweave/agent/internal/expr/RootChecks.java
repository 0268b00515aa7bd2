package dev.auditweave.agent.internal.expr;

import dev.auditweave.agent.Actor;
import dev.auditweave.agent.internal.expr.StaticType.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * The roots of an expression: the built-ins ({@code result}, {@code RETURNED_ROWS}, {@code INSERTED}, {@code NOW},
 * {@code THROWN} and the context roots), the parameters by name and {@code args[i]}; which of them the annotation's
 * outcome and the method allow, and the note when a built-in hides a parameter of the same name.
 */
final class RootChecks {

    private static final List<String> BUILT_INS = List.of("result", "RESULT", "RETURNED_ROWS", "INSERTED", "NOW",
            "ACTOR", "REQUEST", "TRACE", "MDC");
    private static final List<String> THROWN_BUILT_INS = List.of("THROWN", "NOW", "ACTOR", "REQUEST", "TRACE", "MDC");
    /** What an {@code on = Outcome.THROWN} annotation reads instead of the result. */
    private static final String THROWN_HINT = "THROWN is the exception (THROWN.type, THROWN.className, THROWN.message)";

    private final CheckContext context;
    private final ModelScope scope;
    private final Nodes nodes;

    RootChecks(CheckContext context) {
        this.context = context;
        this.scope = context.scope();
        this.nodes = context.nodes();
    }

    Typed name(Syntax.Name name) {
        switch (name.name()) {
            case "result":
            case "RESULT":
                requireReturned(name, "the return value");
                return result(name);
            case "args": {
                int parameter = parameterIndex("args");
                throw context.error(name.start(), "args needs an index, as in args[0]" + (parameter < 0 ? ""
                        : "; parameter " + parameter + " 'args' is written 'args[" + parameter + "]'"));
            }
            case "RETURNED_ROWS":
                requireReturned(name, "the rows the result reports");
                noteShadowing(name, "the number of rows the result reports");
                requireRows(name);
                context.readResult();
                return new Typed(nodes.returnedRows(), context.known(long.class));
            case "INSERTED":
                requireReturned(name, "whether the result reports an insert");
                noteShadowing(name, "whether the result reports an insert");
                return inserted(name);
            case "NOW":
                noteShadowing(name, "the capture instant in epoch milliseconds");
                context.readNow();
                return new Typed(nodes.now(), context.known(long.class));
            case "THROWN":
                return thrown(name);
            case "ACTOR":
                noteShadowing(name, "the acting principal (an Actor, null for an anonymous caller)");
                return contextRoot(ContextRoot.ACTOR, Actor.class);
            case "REQUEST":
                noteShadowing(name, "the HTTP request being served (null outside a request)");
                return contextRoot(ContextRoot.REQUEST, Request.class);
            case "TRACE":
                noteShadowing(name, "the current OpenTelemetry span (null when there is none)");
                return contextRoot(ContextRoot.TRACE, Trace.class);
            case "MDC":
                noteShadowing(name, "the application's logging context (SLF4J's MDC)");
                return contextRoot(ContextRoot.MDC, ContextMap.class);
            default:
                return parameter(name);
        }
    }

    /**
     * A root read from the context of the call: it travels in the arguments array ({@link ContextRoot}), so a guard
     * that reads it is not decided by the result alone.
     */
    private Typed contextRoot(ContextRoot root, Class<?> type) {
        context.readContext(root);
        return new Typed(nodes.context(scope.actorSlot() + root.offset()), context.known(type));
    }

    /**
     * {@code THROWN}: the exception, seen as a {@link Thrown}; only in an {@code on = Outcome.THROWN} annotation,
     * where it takes the result's place in evaluation (that annotation has no result).
     */
    private Typed thrown(Syntax.Name name) {
        if (!scope.thrown()) {
            throw context.error(name.start(),
                    "THROWN is only available with on = Outcome.THROWN, but this annotation fires"
                    + " when " + scope.description() + (scope.completion().later()
                    ? "'s " + scope.completion().typeName() + " completes normally" : " returns normally") + " (on = Outcome.RETURNED); add on = Outcome.THROWN to emit on the"
                    + " exception, or read the return value as 'result'");
        }
        noteShadowing(name, "the exception the method threw");
        return new Typed(nodes.result(), context.known(Thrown.class));
    }

    /** In an {@code on = Outcome.THROWN} annotation, the roots that read the result are errors. */
    private void requireReturned(Syntax.Name name, String meaning) {
        if (!scope.thrown()) {
            return;
        }
        int parameter = parameterIndex(name.name());
        throw context.error(name.start(), name.name() + " (" + meaning + ") is not available with on = Outcome.THROWN: "
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
            throw context.error(name.start(), written + " is not available: " + scope.description() + " returns void"
                    + (parameter < 0 ? "" : "; parameter " + describeParameter(parameter) + " is written 'args["
                    + parameter + "]' ('" + written + "' always means the return value)"));
        }
        if (written.equals("result") && parameter >= 0) {
            throw context.error(name.start(), "'result' is ambiguous in this method: it is the return value ("
                    + scope.resultType().simpleName() + ") and also parameter " + describeParameter(parameter)
                    + "; write 'args[" + parameter + "]' for the parameter, or 'RESULT' for the return value");
        }
        noteShadowing(name, "the return value (" + scope.resultType().simpleName() + ")");
        context.readResult();
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
        if (context.guard() && (result.is("void") || result.is("java.lang.Void"))) {
            throw context.error(name.start(), "RETURNED_ROWS is always 0: " + scope.description()
                    + (scope.completion().later() ? " completes with " + result.genericName() : " returns void")
                    + ", so a guard on it can never hold; return the number of rows (an int, a long, an int[]),"
                    + " or drop the guard to emit on every call");
        }
    }

    /** {@code 1 'result' (BindingResult)}. */
    private String describeParameter(int index) {
        return index + " '" + scope.parameterNames().get(index) + "' ("
                + scope.parameterTypes().get(index).simpleName() + ")";
    }

    /** Remembers, for later errors, that the built-in {@code name} hides a parameter of the same name. */
    private void noteShadowing(Syntax.Name name, String meaning) {
        int parameter = parameterIndex(name.name());
        if (parameter >= 0) {
            context.noteOnce("; note: '" + name.name() + "' is " + meaning + ", not parameter "
                    + describeParameter(parameter) + ", which is written 'args[" + parameter + "]'");
        }
    }

    private Typed inserted(Syntax.Name name) {
        context.readResult();
        StaticType type = StaticType.of(scope.resultType());
        if (type.is(Kind.BOOLEAN)) {
            return new Typed(nodes.insertedFlag(), context.known(Boolean.class));
        }
        if (type.is(Kind.DYNAMIC)) {
            return new Typed(nodes.insertedDynamic(), context.known(Boolean.class));
        }
        ModelMember accessor = PropertyResolver.insertedMember(type.type());
        if (accessor == null) {
            throw context.error(name.start(),
                    "INSERTED needs a boolean result or a result with inserted() or isInserted(), "
                    + "but " + scope.description() + (scope.completion().later() ? " completes with " : " returns ")
                    + type.type().genericName());
        }
        try {
            return new Typed(nodes.insertedBy(type.type(), accessor), context.known(Boolean.class));
        } catch (IllegalAccessException e) {
            throw context.error(name.start(), e.getMessage());
        }
    }

    private Typed parameter(Syntax.Name name) {
        List<String> names = scope.parameterNames();
        if (names == null) {
            int count = scope.parameterTypes().size();
            throw context.error(name.start(), "parameter names are not available for " + scope.description()
                    + ": compile with -parameters (" + scope.parametersFix() + "), or use "
                    + (count == 1 ? "args[0]" : "args[0]..args[" + (count - 1) + "]"));
        }
        int index = names.indexOf(name.name());
        if (index < 0) {
            List<String> candidates = new ArrayList<>(names);
            candidates.addAll(scope.thrown() ? THROWN_BUILT_INS : BUILT_INS);
            throw context.error(name.start(), "unknown name '" + name.name() + "'; parameters are: "
                    + (names.isEmpty() ? "(none)" : String.join(", ", names))
                    + (scope.thrown() ? "; built-ins: args[i], THROWN, NOW, ACTOR, REQUEST, TRACE, MDC"
                    : "; built-ins: result, RESULT, args[i], RETURNED_ROWS, INSERTED, NOW, ACTOR, REQUEST, TRACE, MDC")
                    + Suggestions.didYouMean(name.name(), candidates));
        }
        return argument(index);
    }

    Typed argument(Syntax.Argument argument) {
        int count = scope.parameterTypes().size();
        if (argument.index() >= count) {
            throw context.error(argument.indexStart(), "args[" + argument.index() + "] is out of range: "
                    + scope.description() + (count == 0 ? " has no parameters"
                    : " has " + count + (count == 1 ? " parameter" : " parameters")));
        }
        return argument((int) argument.index());
    }

    private Typed argument(int index) {
        context.readParameter(index);
        return new Typed(nodes.argument(index), StaticType.of(scope.parameterTypes().get(index)));
    }
}
