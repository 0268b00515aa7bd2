package dev.auditweave.spring;

import dev.auditweave.agent.ActorResolver;
import dev.auditweave.agent.EventEnricher;
import dev.auditweave.agent.RequestResolver;
import dev.auditweave.agent.spi.SinkProvider;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Auto-configuration of auditweave for Spring Boot 3.5 and 4.0: binds every {@code auditweave.*} key from the
 * {@code Environment}, starts the runtime with the context and stops it with the context
 * ({@link AuditweaveLifecycle}), compiles the annotated methods of the beans at start-up, and covers Spring Data
 * repository interface methods when the {@code -javaagent} is not attached, and hands every {@code EventEnricher},
 * {@code ActorResolver}, {@code RequestResolver} and {@code SinkProvider} bean to auditweave while the context runs. Meters, health and the actuator
 * endpoint come from their own auto-configurations, each present only when its library is.
 *
 * <pre>{@code
 * <dependency>
 *   <groupId>dev.auditweave</groupId>
 *   <artifactId>auditweave-spring-boot-starter</artifactId>
 * </dependency>
 * }</pre>
 */
@AutoConfiguration
public class AuditweaveAutoConfiguration {

    private static final String SPRING_DATA = "org.springframework.data.repository.Repository";
    private static final String SPRING_AOP = "org.springframework.aop.framework.Advised";

    AuditweaveAutoConfiguration() {
    }

    @Bean
    @ConditionalOnMissingBean
    AuditweaveLifecycle auditweaveLifecycle(ConfigurableEnvironment environment,
                                            ConfigurableListableBeanFactory beanFactory,
                                            ObjectProvider<StartListener> listeners,
                                            ObjectProvider<EventEnricher> enrichers,
                                            ObjectProvider<ActorResolver> resolvers,
                                            ObjectProvider<RequestResolver> requestResolvers,
                                            ObjectProvider<SinkProvider> sinkProviders) {
        boolean repositories = isPresent(SPRING_DATA) && isPresent(SPRING_AOP);
        List<Runnable> afterStart = new ArrayList<>();
        afterStart.add(new EmitSiteScanner(beanFactory, repositories));
        afterStart.add(() -> listeners.orderedStream().forEach(StartListener::started));
        return new AuditweaveLifecycle(environment, afterStart, new ExtensionBeans(enrichers, resolvers, requestResolvers, sinkProviders));
    }

    private static boolean isPresent(String className) {
        return org.springframework.util.ClassUtils.isPresent(className, AuditweaveAutoConfiguration.class.getClassLoader());
    }

    /** Repository interface methods, when Spring Data and Spring AOP are on the class path. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = {SPRING_DATA, SPRING_AOP})
    static class Repositories {

        @Bean
        static RepositoryEmitPostProcessor auditweaveRepositoryEmitPostProcessor() {
            return new RepositoryEmitPostProcessor();
        }
    }
}
