package dev.auditweave.agent.internal.weave.bytebuddy;

import java.util.HashSet;
import java.util.Set;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDefinition;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.description.type.TypeList;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Matches a method that overrides or implements a method carrying {@code @EmitsAbuseEvent} (or its container), or
 * one a site is declared on in configuration, in a superclass or interface: same name, same parameter types. The
 * runtime side of the same rule, which picks the
 * annotations that apply, is {@link dev.auditweave.agent.internal.plan.InheritedAnnotations}.
 */
final class InheritsEmitAnnotation extends ElementMatcher.Junction.AbstractBase<MethodDescription> {

    private final Set<String> annotationTypes;

    InheritsEmitAnnotation(String... annotationTypes) {
        this.annotationTypes = Set.of(annotationTypes);
    }

    @Override
    public boolean matches(MethodDescription method) {
        if (method.isStatic() || method.isPrivate() || method.isConstructor()) {
            return false;
        }
        TypeList.Generic interfaces = method.getDeclaringType().getInterfaces();
        Set<TypeDescription> seen = new HashSet<>();
        TypeDefinition superClass = method.getDeclaringType().getSuperClass();
        for (TypeDefinition type = superClass; type != null; type = type.getSuperClass()) {
            if (declaresAnnotated(type, method) || anyInterface(type.getInterfaces(), method, seen)) {
                return true;
            }
        }
        return anyInterface(interfaces, method, seen);
    }

    private boolean anyInterface(TypeList.Generic interfaces, MethodDescription method, Set<TypeDescription> seen) {
        for (TypeDefinition type : interfaces) {
            if (seen.add(type.asErasure())
                    && (declaresAnnotated(type, method) || anyInterface(type.getInterfaces(), method, seen))) {
                return true;
            }
        }
        return false;
    }

    private boolean declaresAnnotated(TypeDefinition type, MethodDescription method) {
        String name = type.asErasure().getName();
        if (name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("jdk.")) {
            return false;
        }
        for (MethodDescription candidate : type.getDeclaredMethods()) {
            if (candidate.getName().equals(method.getName()) && !candidate.isStatic() && !candidate.isPrivate()
                    && candidate.getParameters().asTypeList().asErasures()
                            .equals(method.getParameters().asTypeList().asErasures())) {
                return candidate.getDeclaredAnnotations().stream()
                        .anyMatch(annotation -> annotationTypes.contains(annotation.getAnnotationType().getName()))
                        || ConfiguredSites.declaredOn(type, candidate);
            }
        }
        return false;
    }
}
