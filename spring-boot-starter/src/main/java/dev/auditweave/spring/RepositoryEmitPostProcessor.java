package dev.auditweave.spring;

import dev.auditweave.agent.Auditweave;
import dev.auditweave.agent.internal.capture.MethodCapture;
import dev.auditweave.agent.internal.expr.Completion;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.HashSet;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.framework.Advised;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Covers {@code @EmitsAbuseEvent} on Spring Data repository interface methods when the {@code -javaagent} is not
 * attached: AspectJ weaves classes, and never sees the JDK proxy Spring Data creates for a repository interface.
 * To each repository proxy whose interfaces declare an annotated method, it adds (outermost, so after the
 * repository's own transaction committed) an interceptor that hands the interface method, the arguments and the
 * result to {@link MethodCapture} after a normal return (the exception after a throw). With the agent attached it adds
 * nothing: the agent instruments the proxy itself, and each call must emit exactly once.
 */
final class RepositoryEmitPostProcessor implements BeanPostProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(RepositoryEmitPostProcessor.class);

    private final BooleanSupplier agentAttached;

    RepositoryEmitPostProcessor() {
        this(Auditweave::agentAttached);
    }

    /** @param agentAttached whether the {@code -javaagent} covers the proxies itself (a seam for tests) */
    RepositoryEmitPostProcessor(BooleanSupplier agentAttached) {
        this.agentAttached = agentAttached;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (!(bean instanceof Advised advised) || !Proxy.isProxyClass(bean.getClass()) || agentAttached.getAsBoolean()) {
            return bean;
        }
        Set<Method> annotated = new HashSet<>();
        boolean repository = false;
        for (Class<?> type : advised.getProxiedInterfaces()) {
            if (EmitSiteScanner.isRepository(type)) {
                repository = true;
                collect(type, annotated, new HashSet<>());
            }
        }
        if (!repository || annotated.isEmpty()) {
            return bean;
        }
        if (advised.isFrozen()) {
            LOG.warn("auditweave: the proxy of repository {} is frozen; its @EmitsAbuseEvent methods {} emit nothing"
                    + " without the -javaagent", beanName, annotated);
            return bean;
        }
        advised.addAdvice(0, new EmitInterceptor(Set.copyOf(annotated)));
        return bean;
    }

    private static void collect(Class<?> type, Set<Method> annotated, Set<Class<?>> seen) {
        if (!seen.add(type)) {
            return;
        }
        for (Method method : type.getDeclaredMethods()) {
            if (EmitSiteScanner.isAnnotated(method)) {
                annotated.add(method);
            }
        }
        for (Class<?> parent : type.getInterfaces()) {
            collect(parent, annotated, seen);
        }
    }

    /**
     * Around an annotated interface method: after a normal return, {@link MethodCapture} (a returned Reactor
     * {@code Mono} or {@code Flux} is replaced by one that watches it, as the weavers do); after a throw, its
     * {@code on = THROWN} annotations, and the very exception passes on untouched.
     */
    static final class EmitInterceptor implements MethodInterceptor {

        private final Set<Method> annotated;

        EmitInterceptor(Set<Method> annotated) {
            this.annotated = annotated;
        }

        @Override
        public Object invoke(MethodInvocation invocation) throws Throwable {
            Method method = invocation.getMethod();
            if (!annotated.contains(method)) {
                return invocation.proceed();
            }
            Object result;
            try {
                result = invocation.proceed();
            } catch (Throwable thrown) {
                afterThrow(method, invocation.getArguments(), thrown);
                throw thrown;
            }
            return afterReturn(method, invocation.getArguments(), result);
        }

        private static Object afterReturn(Method method, Object[] args, Object result) {
            try {
                if (Completion.of(method.getReturnType()).publisher()) {
                    return MethodCapture.afterPublisher(method, args, result);
                }
                MethodCapture.afterReturn(method, args, result);
            } catch (Throwable t) {
                // MethodCapture never throws; this only guards against a linkage problem. The call must not notice.
                LOG.debug("auditweave: could not capture {}: {}", method, t.toString());
            }
            return result;
        }

        private static void afterThrow(Method method, Object[] args, Throwable thrown) {
            try {
                long selected = MethodCapture.selectThrown(method, thrown);
                if (selected != 0L) {
                    MethodCapture.afterThrow(method, args, thrown, selected);
                }
            } catch (Throwable t) {
                LOG.debug("auditweave: could not capture {}: {}", method, t.toString());
            }
        }
    }
}
