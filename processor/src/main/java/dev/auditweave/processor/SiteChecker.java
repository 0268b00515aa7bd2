package dev.auditweave.processor;

import dev.auditweave.agent.internal.expr.Expected;
import dev.auditweave.agent.internal.expr.ExpressionCompiler;
import dev.auditweave.agent.internal.expr.ExpressionException;
import dev.auditweave.agent.internal.expr.ModelScope;
import dev.auditweave.agent.internal.expr.ModelType;
import dev.auditweave.agent.internal.plan.DeclarationRules;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/**
 * Checks one {@code @EmitsAbuseEvent} of one method with the runtime's own rules and checker
 * ({@link DeclarationRules}, {@link ExpressionCompiler#check}), over the compiler's types. Each problem names the
 * annotation, the method, the attribute and, as the runtime would, the expression, the position and the reason.
 */
final class SiteChecker {

    /** Whether the runtime will see the parameter names: yes, no, or not known now. */
    enum Names { KEPT, DROPPED, UNKNOWN }

    private final MirrorModel model;
    private final Descriptors descriptors;
    private final Names names;
    private final String parametersFix;

    SiteChecker(MirrorModel model, Names names, String parametersFix) {
        this.model = model;
        this.descriptors = new Descriptors(model.elements(), model.types());
        this.names = names;
        this.parametersFix = parametersFix;
    }

    /**
     * Checks {@code annotation} on {@code method}: problems go to {@code errors}; those that arise only if the
     * runtime does not see the parameter names, while that is {@link Names#UNKNOWN}, go to {@code needsNames}.
     */
    EmitSite check(ExecutableElement method, AnnotationMirror annotation, Consumer<Problem> errors,
                   Consumer<Problem> needsNames) {
        Attributes attributes = new Attributes(annotation, model.elements());
        String type = attributes.string("type");
        String when = attributes.string("when");
        List<AnnotationMirror> fieldMirrors = new ArrayList<>();
        List<String[]> fields = new ArrayList<>();
        List<String> redactions = new ArrayList<>();
        for (AnnotationValue field : attributes.list("data")) {
            AnnotationMirror mirror = (AnnotationMirror) field.getValue();
            Attributes values = new Attributes(mirror, model.elements());
            fieldMirrors.add(mirror);
            fields.add(new String[] {values.string("name"), values.string("value")});
            redactions.add(values.constant("redact"));
        }
        List<String> enrich = attributes.list("enrich").stream().map(value -> (String) value.getValue()).toList();
        String on = attributes.constant("on");
        TypeElement owner = (TypeElement) method.getEnclosingElement();
        String className = model.elements().getBinaryName(owner).toString();
        String description = className + "." + method.getSimpleName() + method.getParameters().stream()
                .map(parameter -> model.type(model.types().erasure(parameter.asType())).simpleName())
                .collect(Collectors.joining(", ", "(", ")"));
        String lead = "auditweave: @EmitsAbuseEvent(type = \"" + type + "\") on " + description + ": ";
        EmitSite site = new EmitSite(className, method.getSimpleName().toString(), descriptors.of(method), type, when,
                fields.stream().map(field -> field[0]).toList(), attributes.constant("phase"), on, enrich, method,
                annotation, attributes.value("type"), List.copyOf(fieldMirrors));

        ModelType returnType = model.type(method.getReturnType());
        String problem = DeclarationRules.unsupportedReturn(returnType, description);
        if (problem != null) {
            errors.accept(new Problem(method, annotation, null, lead + problem));
            return site;
        }
        problem = DeclarationRules.type(type);
        AnnotationValue where = attributes.written("type");
        if (problem == null) {
            problem = DeclarationRules.fields(fields);
            where = attributes.written("data");
        }
        if (problem == null) {
            problem = DeclarationRules.enrich(enrich);
            where = attributes.written("enrich");
        }
        if (problem != null) {
            errors.accept(new Problem(method, annotation, where, lead + problem));
            return site;
        }

        List<ModelType> parameterTypes = method.getParameters().stream()
                .map(parameter -> model.type(parameter.asType())).toList();
        List<String> parameterNames = method.getParameters().stream()
                .map(VariableElement::getSimpleName).map(Object::toString).toList();
        ModelScope withNames = scope(description, names == Names.DROPPED ? null : parameterNames, parameterTypes,
                returnType, on);
        ModelScope withoutNames = names == Names.UNKNOWN && !parameterTypes.isEmpty()
                ? scope(description, null, parameterTypes, returnType, on) : null;
        Expression check = new Expression(lead, errors, needsNames, withNames, withoutNames);
        check.run(method, annotation, attributes.written("when"), "when", when, Expected.BOOLEAN);
        for (int i = 0; i < fields.size(); i++) {
            Attributes field = new Attributes(fieldMirrors.get(i), model.elements());
            check.run(method, fieldMirrors.get(i), field.written("value"), DeclarationRules.fieldAttribute(fields.get(i)[0]),
                    fields.get(i)[1], DeclarationRules.expected(redactions.get(i)));
        }
        check.run(method, annotation, attributes.written("occurredAt"), "occurredAt", attributes.string("occurredAt"),
                Expected.EPOCH_MILLIS);
        check.run(method, annotation, attributes.written("idempotencyKey"), "idempotencyKey",
                attributes.string("idempotencyKey"), Expected.ANY);
        return site;
    }

    private ModelScope scope(String description, List<String> parameterNames, List<ModelType> parameterTypes,
                             ModelType returnType, String on) {
        ModelScope scope = ModelScope.of(description, parameterNames, parameterTypes, returnType, model, parametersFix);
        return on.equals("THROWN") ? scope.onThrown() : scope;
    }

    /** Checks the expressions of one annotation, once as written and, when it matters, once without names. */
    private record Expression(String lead, Consumer<Problem> errors, Consumer<Problem> needsNames,
                              ModelScope withNames, ModelScope withoutNames) {

        void run(ExecutableElement method, AnnotationMirror annotation, AnnotationValue value, String attribute,
                 String source, Expected expected) {
            if (source.isBlank()) {
                return;
            }
            String problem = problem(source, withNames, expected);
            if (problem != null) {
                errors.accept(new Problem(method, annotation, value, lead + attribute + ": " + problem));
                return;
            }
            String withoutThem = withoutNames == null ? null : problem(source, withoutNames, expected);
            if (withoutThem != null) {
                needsNames.accept(new Problem(method, annotation, value, lead + attribute + ": " + withoutThem));
            }
        }

        private static String problem(String source, ModelScope scope, Expected expected) {
            try {
                ExpressionCompiler.check(source, scope, expected);
                return null;
            } catch (ExpressionException e) {
                return e.getMessage();
            }
        }
    }
}
