package dev.auditweave.agent.internal.weave.aspectj;

import dev.auditweave.agent.internal.capture.AgentHandoff;
import dev.auditweave.agent.internal.capture.Capture;
import dev.auditweave.agent.internal.capture.MethodCapture;
import dev.auditweave.agent.internal.log.Loggers;
import dev.auditweave.agent.internal.log.RateLimitedLogger;
import dev.auditweave.agent.internal.plan.DeclaredMethods;
import dev.auditweave.agent.internal.plan.EmitPlan;
import dev.auditweave.agent.internal.plan.PlanCache;
import dev.auditweave.agent.internal.runtime.AuditweaveRuntime;
import dev.auditweave.bootstrap.EmitHandler;
import dev.auditweave.bootstrap.Selected;
import java.lang.reflect.Method;

/**
 * One emit site of a per-site aspect, the aspect {@code auditweave-processor} writes for each class with annotated
 * methods when it runs in ajc with {@code -Aauditweave.aspects=per-site}: the site is a constant of that aspect, so a
 * call reads its plan from one field, with no table to look in ({@link JoinPointPlans} is what the aspect library's
 * {@link EmitAspect} pays instead). The method is named as the class file names it, and found, and its plan built,
 * at the first call while auditweave is active, so a disabled auditweave compiles and reports nothing; every step
 * reads that one plan. With a {@code -javaagent} attached, the agent's runtime captures the call ({@link AgentHandoff}).
 * Never throws.
 *
 * <pre>{@code
 * private static final WovenSite BLOCK_USER = new WovenSite(UserService_AuditweaveSites.class,
 *         "com.example.UserService", "blockUser", "(Ljava/lang/String;Ljava/lang/String;)I");
 *
 * long selected = BLOCK_USER.select(result, a0, a1, null, null, null, null);
 * if (selected != 0L) {
 *     BLOCK_USER.afterReturn(new Object[] {a0, a1}, result, selected);
 * }
 * }</pre>
 */
public final class WovenSite {

    private static final RateLimitedLogger WARN = new RateLimitedLogger(Loggers.get(WovenSite.class), 60);

    private final ClassLoader loader;
    private final String typeName;
    private final String name;
    private final String descriptor;
    private volatile Method method;
    private volatile EmitPlan plan;
    /** Set when the aspect library wove the same class, whose advice then captures its calls alone. */
    private volatile boolean standsDown;

    /**
     * The method {@code name} with {@code descriptor} of the class {@code typeName} (binary name), loaded by the loader
     * of {@code aspect}, the per-site aspect that holds this site.
     */
    public WovenSite(Class<?> aspect, String typeName, String name, String descriptor) {
        this.loader = aspect.getClassLoader();
        this.typeName = requireText(typeName, "typeName");
        this.name = requireText(name, "name");
        this.descriptor = requireText(descriptor, "descriptor");
    }

    private static String requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a woven site needs its " + what + ", got " + value);
        }
        return value;
    }

    /**
     * Step one after a normal return, with the call's first six arguments as the advice bound them ({@code null} past
     * its last): {@link Capture#select(EmitPlan, Object, Object, Object, Object, Object, Object, Object)} on this
     * site's plan. {@code 0}: nothing fires, and the advice builds no arguments.
     */
    public long select(Object result, Object a0, Object a1, Object a2, Object a3, Object a4, Object a5) {
        try {
            EmitHandler agent = AgentHandoff.agent();
            if (agent != null) {
                return agent.select(method(), result);
            }
            EmitPlan known = plan;
            if (known == null) {
                known = firstPlan();
                if (known == null) {
                    return 0L;
                }
            }
            return Capture.select(known, result, a0, a1, a2, a3, a4, a5);
        } catch (Throwable t) {
            failed(t);
            return 0L;
        }
    }

    /**
     * The plan, built at the first call while auditweave is active; {@code null} while it is idle, and for good when
     * the aspect library wove the class too (both listed in a build): its advice alone then captures the calls, so
     * that each call emits once, and a warning says to keep one of the two.
     */
    private EmitPlan firstPlan() throws ReflectiveOperationException {
        if (standsDown || AuditweaveRuntime.current().isIdle()) {
            return null;
        }
        if (LibraryWoven.wove(loader, typeName)) {
            standsDown = true;
            WARN.warn("both:" + typeName, "auditweave: {} is woven both by the aspect library (auditweave-agent under"
                    + " <aspectLibraries>) and by its per-site aspect (-Aauditweave.aspects=per-site); the library's"
                    + " advice alone captures its calls, so each emits once: keep one of the two in the build",
                    typeName);
            return null;
        }
        EmitPlan built = PlanCache.forMethod(method());
        plan = built;
        return built;
    }

    /**
     * Step two after a normal return: answers an ask {@link #select} left (an argument past the sixth, or one the
     * agent's runtime asks for), then {@link Capture#afterReturn(EmitPlan, Object[], Object, long)} on this site's
     * plan; with a {@code -javaagent} attached, {@link MethodCapture}'s by method, which hand the call to it.
     */
    public void afterReturn(Object[] args, Object result, long selected) {
        try {
            long fires = selected;
            if (AgentHandoff.agent() != null) {
                if (Selected.asksArgument(fires)) {
                    fires = MethodCapture.selectArgument(method(), fires, args[Selected.argumentIndex(fires)]);
                }
                if (fires != 0L) {
                    MethodCapture.afterReturn(method(), args, result, fires);
                }
                return;
            }
            EmitPlan known = plan();
            if (known == null) {
                return;
            }
            if (Selected.asksArgument(fires)) {
                fires = Capture.selectArgument(known, fires, args[Selected.argumentIndex(fires)]);
            }
            if (fires != 0L) {
                Capture.afterReturn(known, args, result, fires);
            }
        } catch (Throwable t) {
            failed(t);
        }
    }

    /** Step one after a throw: {@link Capture#selectThrown} on this site's plan (by method with an agent attached). */
    public long selectThrown(Throwable thrown) {
        try {
            if (AgentHandoff.agent() != null) {
                return MethodCapture.selectThrown(method(), thrown);
            }
            EmitPlan known = plan();
            return known == null ? 0L : Capture.selectThrown(known, thrown);
        } catch (Throwable t) {
            failed(t);
            return 0L;
        }
    }

    /** Step two after a throw: {@link Capture#afterThrow} on this site's plan (by method with an agent attached). */
    public void afterThrow(Object[] args, Throwable thrown, long selected) {
        try {
            if (AgentHandoff.agent() != null) {
                MethodCapture.afterThrow(method(), args, thrown, selected);
                return;
            }
            EmitPlan known = plan();
            if (known != null) {
                Capture.afterThrow(known, args, thrown, selected);
            }
        } catch (Throwable t) {
            failed(t);
        }
    }

    /**
     * For a method declared to return a Reactor {@code Mono} or {@code Flux}: the publisher that fires the annotations
     * when a subscription completes ({@link Capture#afterPublisher}, by method with an agent attached); the method's
     * own when nothing is to fire, or on any failure.
     */
    public Object afterPublisher(Object[] args, Object publisher) {
        try {
            if (AgentHandoff.agent() != null) {
                return MethodCapture.afterPublisher(method(), args, publisher);
            }
            EmitPlan known = plan();
            return known == null ? publisher : Capture.afterPublisher(known, args, publisher);
        } catch (Throwable t) {
            failed(t);
            return publisher;
        }
    }

    /** This site's plan, or {@code null} while auditweave is idle or the site stands down. */
    private EmitPlan plan() throws ReflectiveOperationException {
        EmitPlan known = plan;
        return known != null ? known : firstPlan();
    }

    /** The method, found once. */
    private Method method() throws ReflectiveOperationException {
        Method known = method;
        if (known == null) {
            known = DeclaredMethods.find(Class.forName(typeName, false, loader), name, descriptor);
            if (known == null) {
                throw new NoSuchMethodException(typeName + "." + name + descriptor);
            }
            method = known;
        }
        return known;
    }

    private void failed(Throwable t) {
        WARN.warn("site", "auditweave: could not capture {}: {}", this, t.toString());
    }

    @Override
    public String toString() {
        return typeName + "." + name + descriptor;
    }
}
