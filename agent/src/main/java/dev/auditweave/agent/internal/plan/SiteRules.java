package dev.auditweave.agent.internal.plan;

import dev.auditweave.agent.internal.config.ConfigKeys;
import dev.auditweave.agent.internal.config.DeclaredEmit;
import dev.auditweave.agent.internal.config.MethodRef;
import dev.auditweave.agent.internal.config.Settings;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Internal (public for the weavers): what configuration says about emit sites, immutable. The sites declared by
 * {@code auditweave.emit.<id>.*}, by the class or interface they name, and the sites switched off by
 * {@code auditweave.disable.methods} and {@code auditweave.disable.types}, each with the words of why.
 *
 * <pre>{@code
 * SiteRules rules = SiteRules.of(Settings.defaults().with(Map.of("auditweave.disable.types", "user.*")));
 * rules.disabledType("user.blocked");   // "switched off by auditweave.disable.types = 'user.*' (configuration)"
 * }</pre>
 */
public final class SiteRules {

    /** No declaration, nothing switched off. */
    public static final SiteRules NONE = of(Settings.defaults());

    private final List<DeclaredEmit> declarations;
    private final Map<String, List<DeclaredEmit>> byClass;
    private final List<MethodRef> disabledMethods;
    private final String disabledMethodsOrigin;
    private final Pattern disabledTypes;
    private final String disabledTypesReason;

    private SiteRules(Settings settings) {
        this.declarations = settings.declaredEmits();
        Map<String, List<DeclaredEmit>> grouped = new LinkedHashMap<>();
        for (DeclaredEmit declaration : declarations) {
            grouped.computeIfAbsent(declaration.method().className(), ignored -> new ArrayList<>()).add(declaration);
        }
        grouped.replaceAll((type, list) -> List.copyOf(list));
        this.byClass = Collections.unmodifiableMap(grouped);
        this.disabledMethods = settings.disabledMethods();
        this.disabledMethodsOrigin = settings.originOf(ConfigKeys.DISABLE_METHODS);
        List<String> types = settings.disabledTypes();
        this.disabledTypes = types.isEmpty() ? null : glob(types);
        this.disabledTypesReason = "switched off by " + ConfigKeys.DISABLE_TYPES.name() + " = '"
                + String.join(",", types) + "' (" + settings.originOf(ConfigKeys.DISABLE_TYPES) + ")";
    }

    /** The rules of {@code settings}. */
    public static SiteRules of(Settings settings) {
        return new SiteRules(settings);
    }

    /** Every declared site, in order of first appearance. */
    public List<DeclaredEmit> declarations() {
        return declarations;
    }

    /** Whether a declaration names the class or interface {@code className} (binary name, {@code a.b.C$D}). */
    public boolean declaresOn(String className) {
        return byClass.containsKey(className);
    }

    /** The declarations naming {@code className}. */
    public List<DeclaredEmit> declaredOn(String className) {
        return byClass.getOrDefault(className, List.of());
    }

    /** Whether anything is declared or switched off at all: when not, no weaver needs to ask. */
    public boolean isEmpty() {
        return declarations.isEmpty() && disabledMethods.isEmpty() && disabledTypes == null;
    }

    /** The declarations of the method {@code name(parameterTypes)} of {@code className}, in order. */
    public List<DeclaredEmit> declaredOn(String className, String name, List<String> parameterTypes) {
        List<DeclaredEmit> onClass = byClass.get(className);
        if (onClass == null) {
            return List.of();
        }
        List<DeclaredEmit> matching = new ArrayList<>(1);
        for (DeclaredEmit declaration : onClass) {
            if (declaration.method().matches(name, parameterTypes)) {
                matching.add(declaration);
            }
        }
        return matching;
    }

    /** The declarations of {@code method}, in order. */
    public List<DeclaredEmit> declaredOn(Method method) {
        return byClass.isEmpty() ? List.of()
                : declaredOn(method.getDeclaringClass().getName(), method.getName(), parameterTypes(method));
    }

    /** Why the sites of method {@code name(parameterTypes)} of {@code className} are switched off, or {@code null}. */
    public String disabledMethod(String className, String name, List<String> parameterTypes) {
        for (MethodRef disabled : disabledMethods) {
            if (disabled.className().equals(className) && disabled.matches(name, parameterTypes)) {
                return "switched off by " + ConfigKeys.DISABLE_METHODS.name() + " entry '" + disabled + "' ("
                        + disabledMethodsOrigin + ")";
            }
        }
        return null;
    }

    /** Why the sites of {@code method} are switched off, or {@code null}. */
    public String disabledMethod(Method method) {
        return disabledMethods.isEmpty() ? null
                : disabledMethod(method.getDeclaringClass().getName(), method.getName(), parameterTypes(method));
    }

    /**
     * Why the site of event type {@code type} on method {@code name(parameterTypes)} of {@code className} is switched
     * off, by method or else by type, or {@code null}.
     */
    public String switchedOff(String className, String name, List<String> parameterTypes, String type) {
        String byMethod = disabledMethod(className, name, parameterTypes);
        return byMethod != null ? byMethod : disabledType(type);
    }

    /** Why {@code declaration} is switched off, by method or else by type, or {@code null}. */
    public String switchedOff(DeclaredEmit declaration) {
        MethodRef method = declaration.method();
        return switchedOff(method.className(), method.methodName(),
                method.parameterTypes() == null ? List.of() : method.parameterTypes(), declaration.type());
    }

    /** Why sites of event type {@code type} are switched off, or {@code null}. */
    public String disabledType(String type) {
        return disabledTypes != null && disabledTypes.matcher(type).matches() ? disabledTypesReason : null;
    }

    /** The parameter types of {@code method} as {@link MethodRef} names them. */
    public static List<String> parameterTypes(Method method) {
        return Arrays.stream(method.getParameterTypes()).map(Class::getTypeName).toList();
    }

    private static Pattern glob(List<String> patterns) {
        StringBuilder regex = new StringBuilder();
        for (String pattern : patterns) {
            if (regex.length() > 0) {
                regex.append('|');
            }
            String[] literals = pattern.split("\\*", -1);
            for (int i = 0; i < literals.length; i++) {
                if (i > 0) {
                    regex.append(".*");
                }
                if (!literals[i].isEmpty()) {
                    regex.append(Pattern.quote(literals[i]));
                }
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
