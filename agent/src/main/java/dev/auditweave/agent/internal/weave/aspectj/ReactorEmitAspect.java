package dev.auditweave.agent.internal.weave.aspectj;

import dev.auditweave.agent.internal.capture.MethodCapture;
import dev.auditweave.agent.internal.log.Loggers;
import dev.auditweave.agent.internal.log.RateLimitedLogger;
import org.aspectj.lang.ProceedingJoinPoint;
import org.aspectj.lang.annotation.Around;
import org.aspectj.lang.annotation.Aspect;
import org.aspectj.lang.annotation.RequiredTypes;
import org.aspectj.lang.reflect.MethodSignature;

/**
 * The woven adapter for annotated methods declared to return a Reactor {@code Mono} or {@code Flux}: the method
 * returns the publisher {@link MethodCapture#afterPublisher(java.lang.reflect.Method, Object[], Object)} gives in
 * place of its own, one that watches it and fires the annotations when a subscription completes (the publisher is
 * cold: its return says nothing happened yet). {@link EmitAspect} still handles a synchronous throw, and its return advice
 * leaves these methods to this one.
 *
 * <p>Active only where Reactor is on the weaver's class path ({@code @RequiredTypes}): an application without it
 * weaves, and builds, as if this aspect did not exist. Around advice builds {@code thisJoinPoint} per call, which a
 * method assembling a reactive pipeline pays without noticing; the plain path of {@link EmitAspect} is untouched.
 */
@Aspect
@RequiredTypes({"reactor.core.publisher.Mono", "reactor.core.publisher.Flux"})
public class ReactorEmitAspect {

    private static final RateLimitedLogger WARN = new RateLimitedLogger(Loggers.get(ReactorEmitAspect.class), 60);

    @Around("execution(@dev.auditweave.annotations.EmitsAbuseEvent"
            + " (reactor.core.publisher.Mono || reactor.core.publisher.Flux) *(..))"
            + " || execution(@dev.auditweave.annotations.EmitsAbuseEvents"
            + " (reactor.core.publisher.Mono || reactor.core.publisher.Flux) *(..))")
    public Object watch(ProceedingJoinPoint joinPoint) throws Throwable {
        Object publisher = joinPoint.proceed();
        try {
            return MethodCapture.afterPublisher(((MethodSignature) joinPoint.getSignature()).getMethod(),
                    joinPoint.getArgs(), publisher);
        } catch (Throwable t) {
            WARN.warn("aspect", "auditweave: could not capture {}: {}", joinPoint.getSignature(), t.toString());
            return publisher;
        }
    }
}
