package dev.auditweave.agent.weave.aspectj;

import dev.auditweave.agent.capture.Capture;
import dev.auditweave.agent.log.RateLimitedLogger;
import org.aspectj.lang.JoinPoint;
import org.aspectj.lang.annotation.AfterReturning;
import org.aspectj.lang.annotation.Aspect;
import org.aspectj.lang.reflect.MethodSignature;
import org.slf4j.LoggerFactory;

/**
 * The compile-time (and load-time) weaving adapter: after an annotated method returns normally, hand the
 * method, its arguments and its result to {@link Capture}. Compiled by ajc so that {@code aspectj-maven-plugin} can
 * use this artifact under {@code <aspectLibraries>}:
 *
 * <pre>{@code
 * <aspectLibrary>
 *   <groupId>dev.auditweave</groupId>
 *   <artifactId>auditweave-agent</artifactId>
 * </aspectLibrary>
 * }</pre>
 */
@Aspect
public class EmitAspect {

    private static final RateLimitedLogger WARN = new RateLimitedLogger(LoggerFactory.getLogger(EmitAspect.class), 60);

    @AfterReturning(pointcut = "execution(@dev.auditweave.annotations.EmitsAbuseEvent * *(..))"
            + " || execution(@dev.auditweave.annotations.EmitsAbuseEvents * *(..))", returning = "result")
    public void afterReturning(JoinPoint joinPoint, Object result) {
        try {
            Capture.afterReturn(((MethodSignature) joinPoint.getSignature()).getMethod(), joinPoint.getArgs(), result);
        } catch (Throwable t) {
            WARN.warn("aspect", "auditweave: could not capture {}: {}", joinPoint.getSignature(), t.toString());
        }
    }
}
