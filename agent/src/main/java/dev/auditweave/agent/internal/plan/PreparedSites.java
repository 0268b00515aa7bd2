package dev.auditweave.agent.internal.plan;

import dev.auditweave.agent.internal.expr.Scope;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Internal (public for the {@code Auditweave} facade): the annotated methods made known before their first call (a framework scans its beans at start-up), each with
 * the fate of every annotation: compiled, or disabled and why. Compiling goes through {@link PlanCache}, so the
 * plan a later call uses is the one built here and each error is logged once.
 *
 * <pre>{@code
 * List<PreparedSites.Site> sites = PreparedSites.prepare(method, true);
 * sites.get(0).reason();   // "when: unknown name 'rows' ..." for a disabled one, "" otherwise
 * }</pre>
 */
public final class PreparedSites {

    private static final ConcurrentMap<Method, List<Site>> SITES = new ConcurrentHashMap<>();

    private PreparedSites() {
    }

    /**
     * One annotation of a prepared method.
     *
     * @param type    the event type
     * @param guard   the {@code when} expression as written; empty for "always"
     * @param enabled whether it compiled and is captured
     * @param reason  why it is not, empty when it is
     * @param switchedOff whether configuration switched it off ({@code auditweave.disable.*}), as {@code reason} says
     * @param declaredBy  for a site declared in configuration, its key; empty for an annotation
     */
    public record Site(String type, String guard, boolean enabled, String reason, boolean switchedOff,
                       String declaredBy) {
        public Site {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(guard, "guard");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(declaredBy, "declaredBy");
        }

        /** An annotation's site that configuration did not switch off. */
        public Site(String type, String guard, boolean enabled, String reason) {
            this(type, guard, enabled, reason, false, "");
        }
    }

    /**
     * Records the annotations of {@code method}; when {@code compile}, builds its plan now (reporting errors now,
     * not at the first call), else lists every annotation as disabled with {@code idleReason}.
     */
    public static List<Site> prepare(Method method, boolean compile, String idleReason) {
        List<Site> sites = compile ? compiled(method) : idle(method, idleReason);
        SITES.put(method, sites);
        return sites;
    }

    /** Every prepared method and its annotations, in no particular order. */
    public static Map<Method, List<Site>> all() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(SITES));
    }

    /** Whether {@code method} declares {@code @EmitsAbuseEvent} or its container, read by name. */
    public static boolean isAnnotated(Method method) {
        for (java.lang.annotation.Annotation annotation : method.getDeclaredAnnotations()) {
            String name = annotation.annotationType().getName();
            if (name.equals(AnnotationReader.EMITS) || name.equals(AnnotationReader.EMITS_CONTAINER)) {
                return true;
            }
        }
        return false;
    }

    private static List<Site> idle(Method method, String idleReason) {
        List<Site> sites = new ArrayList<>();
        try {
            for (EmitDeclaration declaration : AnnotationReader.declarations(method)) {
                sites.add(new Site(declaration.type(), declaration.when(), false, idleReason));
            }
        } catch (RuntimeException | LinkageError e) {
            sites.add(new Site("", "", false, "cannot read the annotations: " + e));
        }
        return List.copyOf(sites);
    }

    private static List<Site> compiled(Method method) {
        List<EmitDeclaration> declarations;
        try {
            declarations = AnnotationReader.declarations(method);
        } catch (RuntimeException | LinkageError e) {
            PlanCache.forMethod(method); // logs it, once
            return List.of(new Site("", "", false, "cannot read the annotations: " + e));
        }
        EmitPlan plan = PlanCache.forMethod(method);
        List<String> problems = new ArrayList<>();
        if (plan.specs().size() < declarations.size() && DeclaredSites.rules().disabledMethod(method) == null) {
            // The cached plan keeps no reasons: compile again, silently, only to learn them.
            try {
                EmitPlanBuilder.build(method, Scope.of(method), problems::add);
            } catch (RuntimeException | LinkageError e) {
                List<Site> sites = new ArrayList<>();
                for (EmitDeclaration declaration : declarations) {
                    sites.add(new Site(declaration.type(), declaration.when(), false, "cannot compile: " + e));
                }
                return List.copyOf(sites);
            }
        }
        List<Site> sites = new ArrayList<>();
        int spec = 0;
        int problem = 0;
        SiteRules rules = DeclaredSites.rules();
        String disabledMethod = rules.disabledMethod(method);
        for (EmitDeclaration declaration : declarations) {
            String declaredBy = declaration.declaredBy();
            String switchedOff = disabledMethod != null ? disabledMethod : rules.disabledType(declaration.type());
            if (switchedOff != null) {
                sites.add(new Site(declaration.type(), declaration.when(), false, switchedOff, true, declaredBy));
            } else if (spec < plan.specs().size() && matches(plan.specs().get(spec), declaration)) {
                sites.add(new Site(declaration.type(), declaration.when(), true, "", false, declaredBy));
                spec++;
            } else {
                String text = problem < problems.size() ? problems.get(problem++) : "rejected (see the log)";
                sites.add(new Site(declaration.type(), declaration.when(), false, reason(text), false, declaredBy));
            }
        }
        return List.copyOf(sites);
    }

    private static boolean matches(EventSpec spec, EmitDeclaration declaration) {
        String guard = spec.guard() == null ? "" : spec.guard().source();
        return spec.type().equals(declaration.type()) && guard.equals(declaration.when().isBlank() ? "" : declaration.when());
    }

    /** The problem without its "auditweave: @EmitsAbuseEvent(...) on ... is disabled" lead. */
    private static String reason(String problem) {
        int at = problem.indexOf("\n  ");
        return (at < 0 ? problem : problem.substring(at + 3)).strip();
    }
}
