package dev.auditweave.agent.internal.weave.bytebuddy;

import dev.auditweave.agent.internal.plan.DeclaredSites;
import dev.auditweave.agent.internal.plan.SiteRules;
import java.util.ArrayList;
import java.util.List;
import net.bytebuddy.description.annotation.AnnotationDescription;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDefinition;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * The agent's matchers for what configuration says about sites ({@link DeclaredSites#rules()}), read as each class
 * loads: {@link #declared()} matches a method a site is declared on ({@code auditweave.emit.<id>.method}), and
 * {@link #switchedOff()} one that must not be instrumented at all, because {@code auditweave.disable.methods} names
 * it, or {@code auditweave.disable.types} covers the type of every annotation and declaration it has. A class no
 * declaration or switch names costs one hash look-up.
 */
final class ConfiguredSites {

    private ConfiguredSites() {
    }

    /** Matches a method a site is declared on in configuration. */
    static ElementMatcher.Junction<MethodDescription> declared() {
        return new ElementMatcher.Junction.AbstractBase<>() {
            @Override
            public boolean matches(MethodDescription method) {
                return declaredOn(method.getDeclaringType(), method);
            }
        };
    }

    /** Whether a site is declared on the method of {@code type} with {@code method}'s name and parameter types. */
    static boolean declaredOn(TypeDefinition type, MethodDescription method) {
        SiteRules rules = DeclaredSites.rules();
        String name = type.asErasure().getName();
        return rules.declaresOn(name) && !method.isConstructor() && !method.isTypeInitializer()
                && !rules.declaredOn(name, method.getInternalName(), parameterTypes(method)).isEmpty();
    }

    /** Matches a method configuration switched off: it is not instrumented. */
    static ElementMatcher.Junction<MethodDescription> switchedOff(String emits, String container) {
        return new ElementMatcher.Junction.AbstractBase<>() {
            @Override
            public boolean matches(MethodDescription method) {
                SiteRules rules = DeclaredSites.rules();
                if (rules.isEmpty()) {
                    return false;
                }
                String owner = method.getDeclaringType().asErasure().getName();
                List<String> parameters = parameterTypes(method);
                if (rules.disabledMethod(owner, method.getInternalName(), parameters) != null) {
                    return true;
                }
                List<String> types = new ArrayList<>();
                for (AnnotationDescription annotation : method.getDeclaredAnnotations()) {
                    String annotationType = annotation.getAnnotationType().getName();
                    if (annotationType.equals(emits)) {
                        types.add(annotation.getValue("type").resolve(String.class));
                    } else if (annotationType.equals(container)) {
                        for (AnnotationDescription repeated
                                : annotation.getValue("value").resolve(AnnotationDescription[].class)) {
                            types.add(repeated.getValue("type").resolve(String.class));
                        }
                    }
                }
                rules.declaredOn(owner, method.getInternalName(), parameters)
                        .forEach(declaration -> types.add(declaration.type()));
                return !types.isEmpty() && types.stream().allMatch(type -> rules.disabledType(type) != null);
            }
        };
    }

    /** The parameter types of {@code method} as {@link dev.auditweave.agent.internal.config.MethodRef} names them. */
    static List<String> parameterTypes(MethodDescription method) {
        List<String> names = new ArrayList<>();
        for (TypeDescription type : method.getParameters().asTypeList().asErasures()) {
            names.add(typeName(type));
        }
        return names;
    }

    private static String typeName(TypeDescription type) {
        return type.isArray() ? typeName(type.getComponentType()) + "[]" : type.getName();
    }
}
