package dev.auditweave.agent.internal.weave.aspectj;

import dev.auditweave.agent.internal.capture.Capture;
import dev.auditweave.agent.internal.log.Loggers;
import dev.auditweave.agent.internal.log.RateLimitedLogger;
import java.lang.reflect.Method;
import org.aspectj.lang.JoinPoint;
import org.aspectj.lang.annotation.AfterReturning;
import org.aspectj.lang.annotation.AfterThrowing;
import org.aspectj.lang.annotation.Aspect;
import org.aspectj.lang.reflect.MethodSignature;

/**
 * The compile-time (and load-time) weaving adapter: after an annotated method returns normally, hand the
 * method, its arguments and its result to {@link Capture}; after it threw, the exception
 * ({@link #afterThrowing0} and its siblings). Compiled by ajc so that {@code aspectj-maven-plugin} can
 * use this artifact under {@code <aspectLibraries>}:
 *
 * <pre>{@code
 * <aspectLibrary>
 *   <groupId>dev.auditweave</groupId>
 *   <artifactId>auditweave-agent</artifactId>
 * </aspectLibrary>
 * }</pre>
 *
 * <p>Zero cost when nothing fires: one advice per arity (0 to {@value #MAX_BOUND_ARITY} parameters) binds the
 * arguments one by one with {@code args(..)} and the method through {@link JoinPoint.StaticPart} (a constant
 * ajc creates once per join point), so no {@code thisJoinPoint} and no arguments array exist until
 * {@link Capture#select} says that an event may fire. Methods with more parameters fall back to a
 * {@link JoinPoint} (allocated per call). A primitive argument or result is boxed by ajc at the join point.
 * Every woven class keeps its {@code ajc$tjp_N} fields, by which the {@code -javaagent} recognises it.
 */
@Aspect
public class EmitAspect {

    /** The most parameters bound one by one; a method with more goes through {@link JoinPoint#getArgs()}. */
    static final int MAX_BOUND_ARITY = 6;

    private static final RateLimitedLogger WARN = new RateLimitedLogger(Loggers.get(EmitAspect.class), 60);

    @AfterReturning(pointcut = "(execution(@dev.auditweave.annotations.EmitsAbuseEvent * *(..))"
            + " || execution(@dev.auditweave.annotations.EmitsAbuseEvents * *(..))) && args()", returning = "result", argNames = "result")
    public void afterReturning0(JoinPoint.StaticPart joinPoint, Object result) {
        try {
            Method method = method(joinPoint);
            long selected = Capture.select(method, result);
            if (selected != 0L) {
                Capture.afterReturn(method, new Object[0], result, selected);
            }
        } catch (Throwable t) {
            failed(joinPoint, t);
        }
    }

    @AfterReturning(pointcut = "(execution(@dev.auditweave.annotations.EmitsAbuseEvent * *(..))"
            + " || execution(@dev.auditweave.annotations.EmitsAbuseEvents * *(..))) && args(a0)", returning = "result", argNames = "a0,result")
    public void afterReturning1(JoinPoint.StaticPart joinPoint, Object a0, Object result) {
        try {
            Method method = method(joinPoint);
            long selected = Capture.select(method, result);
            if (selected != 0L) {
                Capture.afterReturn(method, new Object[] {a0}, result, selected);
            }
        } catch (Throwable t) {
            failed(joinPoint, t);
        }
    }

    @AfterReturning(pointcut = "(execution(@dev.auditweave.annotations.EmitsAbuseEvent * *(..))"
            + " || execution(@dev.auditweave.annotations.EmitsAbuseEvents * *(..))) && args(a0, a1)", returning = "result", argNames = "a0,a1,result")
    public void afterReturning2(JoinPoint.StaticPart joinPoint, Object a0, Object a1, Object result) {
        try {
            Method method = method(joinPoint);
            long selected = Capture.select(method, result);
            if (selected != 0L) {
                Capture.afterReturn(method, new Object[] {a0, a1}, result, selected);
            }
        } catch (Throwable t) {
            failed(joinPoint, t);
        }
    }

    @AfterReturning(pointcut = "(execution(@dev.auditweave.annotations.EmitsAbuseEvent * *(..))"
            + " || execution(@dev.auditweave.annotations.EmitsAbuseEvents * *(..))) && args(a0, a1, a2)", returning = "result",
            argNames = "a0,a1,a2,result")
    public void afterReturning3(JoinPoint.StaticPart joinPoint, Object a0, Object a1, Object a2, Object result) {
        try {
            Method method = method(joinPoint);
            long selected = Capture.select(method, result);
            if (selected != 0L) {
                Capture.afterReturn(method, new Object[] {a0, a1, a2}, result, selected);
            }
        } catch (Throwable t) {
            failed(joinPoint, t);
        }
    }

    @AfterReturning(pointcut = "(execution(@dev.auditweave.annotations.EmitsAbuseEvent * *(..))"
            + " || execution(@dev.auditweave.annotations.EmitsAbuseEvents * *(..))) && args(a0, a1, a2, a3)", returning = "result",
            argNames = "a0,a1,a2,a3,result")
    public void afterReturning4(JoinPoint.StaticPart joinPoint, Object a0, Object a1, Object a2, Object a3,
                                Object result) {
        try {
            Method method = method(joinPoint);
            long selected = Capture.select(method, result);
            if (selected != 0L) {
                Capture.afterReturn(method, new Object[] {a0, a1, a2, a3}, result, selected);
            }
        } catch (Throwable t) {
            failed(joinPoint, t);
        }
    }

    @AfterReturning(pointcut = "(execution(@dev.auditweave.annotations.EmitsAbuseEvent * *(..))"
            + " || execution(@dev.auditweave.annotations.EmitsAbuseEvents * *(..))) && args(a0, a1, a2, a3, a4)", returning = "result",
            argNames = "a0,a1,a2,a3,a4,result")
    public void afterReturning5(JoinPoint.StaticPart joinPoint, Object a0, Object a1, Object a2, Object a3,
                                Object a4, Object result) {
        try {
            Method method = method(joinPoint);
            long selected = Capture.select(method, result);
            if (selected != 0L) {
                Capture.afterReturn(method, new Object[] {a0, a1, a2, a3, a4}, result, selected);
            }
        } catch (Throwable t) {
            failed(joinPoint, t);
        }
    }

    @AfterReturning(pointcut = "(execution(@dev.auditweave.annotations.EmitsAbuseEvent * *(..))"
            + " || execution(@dev.auditweave.annotations.EmitsAbuseEvents * *(..))) && args(a0, a1, a2, a3, a4, a5)", returning = "result",
            argNames = "a0,a1,a2,a3,a4,a5,result")
    public void afterReturning6(JoinPoint.StaticPart joinPoint, Object a0, Object a1, Object a2, Object a3,
                                Object a4, Object a5, Object result) {
        try {
            Method method = method(joinPoint);
            long selected = Capture.select(method, result);
            if (selected != 0L) {
                Capture.afterReturn(method, new Object[] {a0, a1, a2, a3, a4, a5}, result, selected);
            }
        } catch (Throwable t) {
            failed(joinPoint, t);
        }
    }

    /** Seven parameters or more: {@code thisJoinPoint} (allocated per call) supplies the arguments. */
    @AfterReturning(pointcut = "(execution(@dev.auditweave.annotations.EmitsAbuseEvent * *(..))"
            + " || execution(@dev.auditweave.annotations.EmitsAbuseEvents * *(..))) && args(*, *, *, *, *, *, *, ..)", returning = "result",
            argNames = "result")
    public void afterReturningMany(JoinPoint joinPoint, Object result) {
        try {
            Method method = ((MethodSignature) joinPoint.getSignature()).getMethod();
            long selected = Capture.select(method, result);
            if (selected != 0L) {
                Capture.afterReturn(method, joinPoint.getArgs(), result, selected);
            }
        } catch (Throwable t) {
            WARN.warn("aspect", "auditweave: could not capture {}: {}", joinPoint.getSignature(), t.toString());
        }
    }

    /**
     * After an annotated method without parameters threw: its {@code on = THROWN} annotations, with the exception as
     * {@code THROWN}. As for a return, one advice per arity binds the arguments, so that a normal return pays
     * nothing for this advice: with a {@link JoinPoint} parameter ajc would build {@code thisJoinPoint} at the start
     * of every call, whether it throws or not. The advice only reads the exception; ajc rethrows the same instance.
     */
    @AfterThrowing(pointcut = "(execution(@dev.auditweave.annotations.EmitsAbuseEvent * *(..))"
            + " || execution(@dev.auditweave.annotations.EmitsAbuseEvents * *(..))) && args()", throwing = "thrown",
            argNames = "thrown")
    public void afterThrowing0(JoinPoint.StaticPart joinPoint, Throwable thrown) {
        try {
            Method method = method(joinPoint);
            long selected = Capture.selectThrown(method, thrown);
            if (selected != 0L) {
                Capture.afterThrow(method, new Object[0], thrown, selected);
            }
        } catch (Throwable t) {
            failed(joinPoint, t);
        }
    }

    /** After an annotated method with 1 parameter threw: see {@link #afterThrowing0}. */
    @AfterThrowing(pointcut = "(execution(@dev.auditweave.annotations.EmitsAbuseEvent * *(..))"
            + " || execution(@dev.auditweave.annotations.EmitsAbuseEvents * *(..))) && args(a0)", throwing = "thrown",
            argNames = "a0,thrown")
    public void afterThrowing1(JoinPoint.StaticPart joinPoint, Object a0, Throwable thrown) {
        try {
            Method method = method(joinPoint);
            long selected = Capture.selectThrown(method, thrown);
            if (selected != 0L) {
                Capture.afterThrow(method, new Object[] {a0}, thrown, selected);
            }
        } catch (Throwable t) {
            failed(joinPoint, t);
        }
    }

    /** After an annotated method with 2 parameters threw: see {@link #afterThrowing0}. */
    @AfterThrowing(pointcut = "(execution(@dev.auditweave.annotations.EmitsAbuseEvent * *(..))"
            + " || execution(@dev.auditweave.annotations.EmitsAbuseEvents * *(..))) && args(a0, a1)", throwing = "thrown",
            argNames = "a0,a1,thrown")
    public void afterThrowing2(JoinPoint.StaticPart joinPoint, Object a0, Object a1, Throwable thrown) {
        try {
            Method method = method(joinPoint);
            long selected = Capture.selectThrown(method, thrown);
            if (selected != 0L) {
                Capture.afterThrow(method, new Object[] {a0, a1}, thrown, selected);
            }
        } catch (Throwable t) {
            failed(joinPoint, t);
        }
    }

    /** After an annotated method with 3 parameters threw: see {@link #afterThrowing0}. */
    @AfterThrowing(pointcut = "(execution(@dev.auditweave.annotations.EmitsAbuseEvent * *(..))"
            + " || execution(@dev.auditweave.annotations.EmitsAbuseEvents * *(..))) && args(a0, a1, a2)", throwing = "thrown",
            argNames = "a0,a1,a2,thrown")
    public void afterThrowing3(JoinPoint.StaticPart joinPoint, Object a0, Object a1, Object a2, Throwable thrown) {
        try {
            Method method = method(joinPoint);
            long selected = Capture.selectThrown(method, thrown);
            if (selected != 0L) {
                Capture.afterThrow(method, new Object[] {a0, a1, a2}, thrown, selected);
            }
        } catch (Throwable t) {
            failed(joinPoint, t);
        }
    }

    /** After an annotated method with 4 parameters threw: see {@link #afterThrowing0}. */
    @AfterThrowing(pointcut = "(execution(@dev.auditweave.annotations.EmitsAbuseEvent * *(..))"
            + " || execution(@dev.auditweave.annotations.EmitsAbuseEvents * *(..))) && args(a0, a1, a2, a3)", throwing = "thrown",
            argNames = "a0,a1,a2,a3,thrown")
    public void afterThrowing4(JoinPoint.StaticPart joinPoint, Object a0, Object a1, Object a2, Object a3,
                               Throwable thrown) {
        try {
            Method method = method(joinPoint);
            long selected = Capture.selectThrown(method, thrown);
            if (selected != 0L) {
                Capture.afterThrow(method, new Object[] {a0, a1, a2, a3}, thrown, selected);
            }
        } catch (Throwable t) {
            failed(joinPoint, t);
        }
    }

    /** After an annotated method with 5 parameters threw: see {@link #afterThrowing0}. */
    @AfterThrowing(pointcut = "(execution(@dev.auditweave.annotations.EmitsAbuseEvent * *(..))"
            + " || execution(@dev.auditweave.annotations.EmitsAbuseEvents * *(..))) && args(a0, a1, a2, a3, a4)", throwing = "thrown",
            argNames = "a0,a1,a2,a3,a4,thrown")
    public void afterThrowing5(JoinPoint.StaticPart joinPoint, Object a0, Object a1, Object a2, Object a3, Object a4,
                               Throwable thrown) {
        try {
            Method method = method(joinPoint);
            long selected = Capture.selectThrown(method, thrown);
            if (selected != 0L) {
                Capture.afterThrow(method, new Object[] {a0, a1, a2, a3, a4}, thrown, selected);
            }
        } catch (Throwable t) {
            failed(joinPoint, t);
        }
    }

    /** After an annotated method with 6 parameters threw: see {@link #afterThrowing0}. */
    @AfterThrowing(pointcut = "(execution(@dev.auditweave.annotations.EmitsAbuseEvent * *(..))"
            + " || execution(@dev.auditweave.annotations.EmitsAbuseEvents * *(..))) && args(a0, a1, a2, a3, a4, a5)", throwing = "thrown",
            argNames = "a0,a1,a2,a3,a4,a5,thrown")
    public void afterThrowing6(JoinPoint.StaticPart joinPoint, Object a0, Object a1, Object a2, Object a3, Object a4, Object a5,
                               Throwable thrown) {
        try {
            Method method = method(joinPoint);
            long selected = Capture.selectThrown(method, thrown);
            if (selected != 0L) {
                Capture.afterThrow(method, new Object[] {a0, a1, a2, a3, a4, a5}, thrown, selected);
            }
        } catch (Throwable t) {
            failed(joinPoint, t);
        }
    }

    /**
     * Seven parameters or more threw: {@code thisJoinPoint} supplies the arguments. ajc builds it per call (for
     * {@link #afterReturningMany} too), which such methods pay already; the throw path itself is not hot.
     */
    @AfterThrowing(pointcut = "(execution(@dev.auditweave.annotations.EmitsAbuseEvent * *(..))"
            + " || execution(@dev.auditweave.annotations.EmitsAbuseEvents * *(..))) && args(*, *, *, *, *, *, *, ..)",
            throwing = "thrown", argNames = "thrown")
    public void afterThrowingMany(JoinPoint joinPoint, Throwable thrown) {
        try {
            Method method = ((MethodSignature) joinPoint.getSignature()).getMethod();
            long selected = Capture.selectThrown(method, thrown);
            if (selected != 0L) {
                Capture.afterThrow(method, joinPoint.getArgs(), thrown, selected);
            }
        } catch (Throwable t) {
            WARN.warn("aspect", "auditweave: could not capture {}: {}", joinPoint.getSignature(), t.toString());
        }
    }

    private static Method method(JoinPoint.StaticPart joinPoint) {
        // MethodSignatureImpl resolves the Method once and keeps it.
        return ((MethodSignature) joinPoint.getSignature()).getMethod();
    }

    private static void failed(JoinPoint.StaticPart joinPoint, Throwable t) {
        WARN.warn("aspect", "auditweave: could not capture {}: {}", joinPoint.getSignature(), t.toString());
    }
}
