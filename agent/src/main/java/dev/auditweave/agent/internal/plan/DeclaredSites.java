package dev.auditweave.agent.internal.plan;

import dev.auditweave.agent.internal.config.DeclaredEmit;
import dev.auditweave.agent.internal.config.Settings;
import dev.auditweave.agent.internal.log.Loggers;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;

/**
 * Internal (public for the runtime and the weavers): the {@link SiteRules} in force, and what became of each declared
 * site. Declared sites are honoured by the {@code -javaagent} only (woven code carries no advice on a method without
 * the annotation): without it, each declaration is one WARN when the rules are installed. With it, when a class a
 * declaration names is loaded ({@link #classLoaded}), the named method must exist (else one ERROR naming the key) and
 * its plan is compiled at once, so that an expression error is reported at start-up; a declaration whose class never
 * loads is listed by {@link #neverLoaded()}, which the agent logs once at JVM exit.
 *
 * <p>Rules come from the runtime's settings; once a framework handed in its own configuration
 * ({@link #fromFramework}, the Spring Boot starter), that wins until the framework stops.
 */
public final class DeclaredSites {

    private static final Logger LOG = Loggers.get(DeclaredSites.class);

    private static volatile SiteRules rules = SiteRules.NONE;
    private static volatile boolean framework;
    private static volatile boolean agent;
    private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();
    /** Every declaration ever in force, by id and method, in order: a stopped framework's too, for the exit report. */
    private static final Map<String, DeclaredEmit> EVER_IN_FORCE = Collections.synchronizedMap(new LinkedHashMap<>());
    private static final Set<String> LOADED = ConcurrentHashMap.newKeySet();
    private static final Set<String> CHECKED = ConcurrentHashMap.newKeySet();
    private static final ConcurrentMap<String, String> PROBLEMS = new ConcurrentHashMap<>();

    private DeclaredSites() {
    }

    /** The rules in force. */
    public static SiteRules rules() {
        return rules;
    }

    /** Told by the {@code -javaagent} before its runtime starts: declared sites can be honoured. */
    public static void agentAttached() {
        agent = true;
    }

    /** Whether the {@code -javaagent} honours declared sites in this copy of auditweave. */
    public static boolean honoured() {
        return agent;
    }

    /** The rules of a runtime's {@code settings}, unless a framework's configuration is in force. */
    public static synchronized void fromRuntime(Settings settings) {
        if (!framework) {
            use(SiteRules.of(settings));
        }
    }

    /** The rules of a framework's configuration, in force until {@link #frameworkStopped()}. */
    public static synchronized void fromFramework(Settings settings) {
        framework = true;
        use(SiteRules.of(settings));
    }

    /**
     * The framework that handed in its configuration stopped: nothing is declared or switched off until the next
     * runtime or framework says so.
     */
    public static synchronized void frameworkStopped() {
        framework = false;
        rules = SiteRules.NONE;
    }

    private static void use(SiteRules next) {
        rules = next;
        for (DeclaredEmit declaration : next.declarations()) {
            EVER_IN_FORCE.putIfAbsent(declaration.id() + "|" + declaration.method(), declaration);
        }
        if (agent) {
            return;
        }
        for (DeclaredEmit declaration : next.declarations()) {
            if (WARNED.add(declaration.id() + "|" + declaration.method())) {
                LOG.warn("auditweave: {} declares an emit site that only the -javaagent honours: without it, no event"
                        + " of type '{}' is captured there (in a build woven by AspectJ, put @EmitsAbuseEvent on"
                        + " the method with an aspect's declare @method and weave that jar, see docs/declared-sites.md)",
                        declaration.label(), declaration.type());
            }
        }
    }

    /**
     * A class some declaration names was loaded: each of those declarations must name a method of it (else one ERROR
     * naming the key), whose plan is compiled now. Called off the application's threads.
     */
    public static void classLoaded(Class<?> type) {
        List<DeclaredEmit> declarations = rules.declaredOn(type.getName());
        LOADED.add(type.getName());
        if (declarations.isEmpty() || !CHECKED.add(type.getName())) {
            return;
        }
        for (DeclaredEmit declaration : declarations) {
            List<Method> methods = methods(type, declaration);
            if (methods.isEmpty()) {
                String problem = type.getName() + " has no method " + declaration.method().methodName()
                        + (declaration.method().parameterTypes() == null ? ""
                        : "(" + String.join(", ", declaration.method().parameterTypes()) + ")")
                        + candidates(type, declaration.method().methodName());
                PROBLEMS.put(declaration.id(), problem);
                LOG.error("auditweave: {}: {}; the declaration emits nothing", declaration.label(), problem);
                continue;
            }
            for (Method method : methods) {
                PlanCache.forMethod(method);
            }
        }
    }

    /** A class some declaration names ({@code a.b.C}) is being loaded: it is no longer "never loaded". */
    public static void classLoading(String className) {
        LOADED.add(className);
    }

    /**
     * What became of {@code declaration}: empty when its class was loaded and has the method, else why it emits
     * nothing.
     */
    public static String problem(DeclaredEmit declaration) {
        if (!agent) {
            return "declared sites are honoured by the -javaagent only, which is not attached";
        }
        String problem = PROBLEMS.get(declaration.id());
        if (problem != null) {
            return problem;
        }
        return LOADED.contains(declaration.method().className()) ? ""
                : declaration.method().className() + " has not been loaded (yet)";
    }

    /**
     * The declarations ever in force (those of a framework that stopped since included) whose class has not been
     * loaded, for the report at exit.
     */
    public static List<DeclaredEmit> neverLoaded() {
        List<DeclaredEmit> unloaded = new ArrayList<>();
        List<DeclaredEmit> declarations;
        synchronized (EVER_IN_FORCE) {
            declarations = List.copyOf(EVER_IN_FORCE.values());
        }
        for (DeclaredEmit declaration : declarations) {
            if (!LOADED.contains(declaration.method().className())) {
                unloaded.add(declaration);
            }
        }
        return unloaded;
    }

    /** Logs, once at WARN, each declaration whose class never loaded: it emitted nothing. */
    public static void reportNeverLoaded() {
        for (DeclaredEmit declaration : neverLoaded()) {
            LOG.warn("auditweave: {}: {} was never loaded, so this declaration emitted nothing; is the class name"
                    + " right?", declaration.label(), declaration.method().className());
        }
    }

    private static List<Method> methods(Class<?> type, DeclaredEmit declaration) {
        List<Method> methods = new ArrayList<>();
        for (Method method : type.getDeclaredMethods()) {
            if (!method.isBridge() && !method.isSynthetic()
                    && declaration.method().matches(method.getName(), SiteRules.parameterTypes(method))) {
                methods.add(method);
            }
        }
        return methods;
    }

    private static String candidates(Class<?> type, String name) {
        List<String> named = new ArrayList<>();
        for (Method method : type.getDeclaredMethods()) {
            if (method.getName().equals(name) && !method.isBridge() && !method.isSynthetic()) {
                named.add(name + "(" + String.join(", ", SiteRules.parameterTypes(method)) + ")");
            }
        }
        return named.isEmpty() ? "; it declares no method of that name" : "; it declares " + String.join(", ", named);
    }
}
