package dev.auditweave.spring;

import dev.auditweave.agent.Auditweave;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.framework.AopProxyUtils;
import org.springframework.beans.factory.FactoryBean;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.util.ClassUtils;

/**
 * At context start: finds the methods carrying {@code @EmitsAbuseEvent} (read by name, as the agent reads it, since
 * class loaders may differ) on the bean classes of the context (the ultimate target class of each bean, its
 * superclasses and interfaces, and the interfaces of JDK proxies such as Spring Data repositories), has each plan
 * compiled through {@link Auditweave#prepare}, and logs one WARN per annotated method that neither weaving mode
 * covers. Then the sites {@code auditweave-processor} listed at build time
 * ({@link Auditweave#prepareBuildCheckedSites}).
 */
final class EmitSiteScanner implements Runnable {

    static final String EMITS = "dev.auditweave.annotations.EmitsAbuseEvent";
    static final String EMITS_CONTAINER = "dev.auditweave.annotations.EmitsAbuseEvents";
    private static final String SPRING_DATA_REPOSITORY = "org.springframework.data.repository.Repository";

    private static final Logger LOG = LoggerFactory.getLogger(EmitSiteScanner.class);

    private final ConfigurableListableBeanFactory beanFactory;
    private final boolean repositoriesIntercepted;

    /**
     * @param repositoriesIntercepted whether {@link RepositoryEmitPostProcessor} is installed, so that annotated
     *                                repository interface methods are covered without the agent
     */
    EmitSiteScanner(ConfigurableListableBeanFactory beanFactory, boolean repositoriesIntercepted) {
        this.beanFactory = beanFactory;
        this.repositoriesIntercepted = repositoriesIntercepted;
    }

    @Override
    public void run() {
        boolean agent = Auditweave.agentAttached();
        Set<Class<?>> seen = new LinkedHashSet<>();
        for (String name : beanFactory.getBeanDefinitionNames()) {
            for (Class<?> type : beanClasses(name)) {
                scan(type, seen, agent);
            }
        }
        // What auditweave-processor checked at build time: compiled too (a class no bean shows), and cross-checked.
        ClassLoader loader = beanFactory.getBeanClassLoader();
        Auditweave.prepareBuildCheckedSites(loader != null ? loader : EmitSiteScanner.class.getClassLoader());
    }

    /** The classes to look at for bean {@code name}: its ultimate target class, and a JDK proxy's interfaces. */
    private List<Class<?>> beanClasses(String name) {
        List<Class<?>> classes = new ArrayList<>();
        try {
            Object bean = beanFactory.containsSingleton(name) ? beanFactory.getSingleton(name) : null;
            if (bean != null && !(bean instanceof FactoryBean<?>)) {
                classes.add(AopProxyUtils.ultimateTargetClass(bean));
                if (Proxy.isProxyClass(bean.getClass())) {
                    classes.addAll(List.of(bean.getClass().getInterfaces()));
                }
                return classes;
            }
            // Not created yet, or made by a FactoryBean (a Spring Data repository): the type of the object.
            Class<?> type = beanFactory.getType(name, false);
            if (type != null) {
                if (Proxy.isProxyClass(type)) {
                    classes.addAll(List.of(type.getInterfaces()));
                } else {
                    classes.add(ClassUtils.getUserClass(type));
                }
            }
        } catch (RuntimeException | LinkageError e) {
            LOG.debug("auditweave: cannot tell the class of bean {}: {}", name, e.toString());
        }
        return classes;
    }

    private void scan(Class<?> type, Set<Class<?>> seen, boolean agent) {
        if (type == null || type == Object.class || !seen.add(type) || type.getName().startsWith("java.")
                || type.getName().startsWith("org.springframework.")) {
            return;
        }
        for (Method method : declaredMethods(type)) {
            if (!isAnnotated(method)) {
                continue;
            }
            Auditweave.prepare(method);
            String problem = uncovered(type, agent);
            if (problem != null) {
                LOG.warn("auditweave: @EmitsAbuseEvent on {}.{} emits nothing: {}", type.getName(), method.getName(),
                        problem);
            }
        }
        scan(type.getSuperclass(), seen, agent);
        for (Class<?> implemented : type.getInterfaces()) {
            scan(implemented, seen, agent);
        }
    }

    /** Why no weaving mode covers the annotated methods declared by {@code type}, or {@code null} when one does. */
    private String uncovered(Class<?> type, boolean agent) {
        if (agent) {
            return null;
        }
        if (type.isInterface()) {
            if (isRepository(type)) {
                return repositoriesIntercepted ? null
                        : "spring-aop or Spring Data is missing, so the starter cannot intercept the repository proxy;"
                                + " start the JVM with -javaagent:auditweave-agent.jar";
            }
            return "an annotation on an interface method is covered only by the -javaagent (or, for Spring Data"
                    + " repositories, by this starter); annotate the implementing method, or start the JVM with"
                    + " -javaagent:auditweave-agent.jar";
        }
        if (!isWoven(type)) {
            return "the class is not woven by AspectJ (aspect library auditweave-agent) and the -javaagent is not"
                    + " attached";
        }
        return null;
    }

    static boolean isAnnotated(Method method) {
        for (java.lang.annotation.Annotation annotation : method.getDeclaredAnnotations()) {
            String name = annotation.annotationType().getName();
            if (name.equals(EMITS) || name.equals(EMITS_CONTAINER)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code type} is, or extends, Spring Data's {@code Repository}; read by name. */
    static boolean isRepository(Class<?> type) {
        if (type.getName().equals(SPRING_DATA_REPOSITORY)) {
            return true;
        }
        for (Class<?> parent : type.getInterfaces()) {
            if (isRepository(parent)) {
                return true;
            }
        }
        return false;
    }

    /** AspectJ leaves a static {@code ajc$tjp_N} field per join point in every class it wove. */
    private static boolean isWoven(Class<?> type) {
        try {
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) && field.getName().startsWith("ajc$tjp_")) {
                    return true;
                }
            }
        } catch (LinkageError e) {
            return true; // cannot tell: say nothing rather than something wrong
        }
        return false;
    }

    private static Method[] declaredMethods(Class<?> type) {
        try {
            return type.getDeclaredMethods();
        } catch (LinkageError e) {
            return new Method[0];
        }
    }
}
