package dev.auditweave.agent.internal.plan;

import dev.auditweave.agent.internal.expr.ArgumentCheck;
import dev.auditweave.agent.internal.expr.CompiledExpression;
import dev.auditweave.agent.internal.expr.Expected;
import dev.auditweave.agent.internal.expr.ExpressionCompiler;
import dev.auditweave.agent.internal.expr.ExpressionException;
import dev.auditweave.agent.internal.expr.ReflectionModel;
import dev.auditweave.agent.internal.expr.Scope;
import dev.auditweave.agent.internal.log.Loggers;
import dev.auditweave.agent.internal.redact.HashKeys;
import dev.auditweave.agent.internal.redact.Redaction;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;

/**
 * Compiles the annotations of one method into an {@link EmitPlan}. An annotation with a bad expression is
 * reported once, at ERROR, naming the class, the method, the attribute, the expression and the position,
 * and left out of the plan: the method itself keeps working.
 */
public final class EmitPlanBuilder {

    private static final Logger LOG = Loggers.get(EmitPlanBuilder.class);

    private EmitPlanBuilder() {
    }

    /**
     * Builds the plan of {@code method} from its own annotations, logging each rejected annotation once; for a
     * method that inherits its annotations, {@link PlanCache#forMethod} shares the plan of the one that carries them.
     */
    public static EmitPlan build(Method method) {
        try {
            return build(method, Scope.of(method), problem -> LOG.error("{}", problem));
        } catch (RuntimeException | LinkageError e) {
            // An unreadable annotation or an unresolvable parameter type must not be retried on every call.
            LOG.error("auditweave: cannot read the annotations of {}; the method runs uninstrumented", method, e);
            return new EmitPlan(method.toString(), List.of(), method);
        }
    }

    static EmitPlan build(Method method, Scope scope, ProblemReporter reporter) {
        List<EventSpec> specs = new ArrayList<>();
        String unsupported = unsupportedReturn(method.getReturnType(), scope);
        SiteRules rules = DeclaredSites.rules();
        for (EmitDeclaration declaration : AnnotationReader.declarations(method)) {
            if (rules.disabledType(declaration.type()) != null) {
                continue; // switched off in configuration: not compiled, listed as such by PreparedSites
            }
            try {
                if (unsupported != null) {
                    throw new InvalidDeclarationException(unsupported);
                }
                specs.add(compile(declaration, scope));
            } catch (InvalidDeclarationException e) {
                reporter.report("auditweave: " + declaration.label() + " on " + scope.description()
                        + " is disabled, the method runs without it.\n  " + e.getMessage());
            }
        }
        return new EmitPlan(scope.description(), specs, method);
    }

    /**
     * Why the annotations of a method returning {@code type} cannot fire at the right moment, or {@code null}: a
     * publisher other than Reactor's {@code Mono} and {@code Flux} (its outcome comes when it is subscribed, which
     * auditweave cannot watch), or a subclass of them (the weaver returns a watching {@code Mono} or {@code Flux}
     * in place of the method's, which must fit the declared type).
     */
    private static String unsupportedReturn(Class<?> type, Scope scope) {
        return DeclarationRules.unsupportedReturn(ReflectionModel.INSTANCE.type(type), scope.description());
    }

    private static EventSpec compile(EmitDeclaration declaration, Scope methodScope) {
        String problem = DeclarationRules.type(declaration.type());
        if (problem == null) {
            problem = DeclarationRules.fields(declaration.data().stream()
                    .map(field -> new String[] {field.name(), field.value()}).toList());
        }
        if (problem == null) {
            problem = DeclarationRules.enrich(declaration.enrich());
        }
        if (problem != null) {
            throw new InvalidDeclarationException(problem);
        }
        boolean onThrown = declaration.on().equals("THROWN");
        Scope scope = onThrown ? methodScope.onThrown() : methodScope;
        CompiledExpression guard = optional("when", declaration.when(), scope, Expected.BOOLEAN);
        List<EventSpec.FieldSpec> fields = new ArrayList<>(declaration.data().size());
        for (EmitDeclaration.FieldDeclaration field : declaration.data()) {
            String attribute = DeclarationRules.fieldAttribute(field.name());
            CompiledExpression value = expression(attribute, field.value(), scope,
                    DeclarationRules.expected(field.redact()));
            if (field.redact().equals("HASH") && HashKeys.knownMissing()) {
                throw new InvalidDeclarationException(attribute + ": " + DeclarationRules.missingHashKey());
            }
            if (!field.redact().equals("DROP")) {
                fields.add(new EventSpec.FieldSpec(field.name(), value, Redaction.of(field.redact())));
            }
        }
        CompiledExpression occurredAt = optional("occurredAt", declaration.occurredAt(), scope, Expected.EPOCH_MILLIS);
        CompiledExpression key = optional("idempotencyKey", declaration.idempotencyKey(), scope, Expected.ANY);
        CompiledExpression resultCheck = guard == null ? null : ExpressionCompiler.resultCheck(guard, scope);
        ArgumentCheck argumentCheck = guard == null ? null : ExpressionCompiler.argumentCheck(guard, scope);
        return new EventSpec(declaration.type(), guard, resultCheck, argumentCheck, fields, occurredAt, key,
                declaration.phase().equals("AFTER_COMMIT"), onThrown, declaration.enrich());
    }

    private static CompiledExpression optional(String attribute, String source, Scope scope, Expected expected) {
        return source.isBlank() ? null : expression(attribute, source, scope, expected);
    }

    private static CompiledExpression expression(String attribute, String source, Scope scope, Expected expected) {
        try {
            return ExpressionCompiler.compile(source, scope, expected);
        } catch (ExpressionException e) {
            throw new InvalidDeclarationException(attribute + ": " + e.getMessage());
        }
    }

    /** Where rejected annotations are reported; the log in production, a list in tests. */
    @FunctionalInterface
    interface ProblemReporter {
        void report(String problem);
    }

    private static final class InvalidDeclarationException extends RuntimeException {
        InvalidDeclarationException(String message) {
            super(message, null, false, false);
        }
    }
}
