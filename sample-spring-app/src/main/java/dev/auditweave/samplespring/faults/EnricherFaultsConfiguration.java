package dev.auditweave.samplespring.faults;

import dev.auditweave.agent.EventEnricher;
import java.time.Duration;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Faults injected into every {@link EventEnricher} bean, for the integration suite's bug class 6 tests: present only
 * with {@code sample.faults.enrich.enabled=true}, so the sample's own behaviour is untouched. The look-up of an event
 * whose {@code kilo_user_id} is listed in {@code sample.faults.enrich.throw-for} throws; one listed in
 * {@code sample.faults.enrich.hang-for} hangs for ten minutes, far past any enrichment budget, until auditweave's
 * deadline watch interrupts it.
 *
 * <pre>{@code
 * java -Dsample.faults.enrich.enabled=true -Dsample.faults.enrich.throw-for=u-7 -Dsample.faults.enrich.hang-for=u-8 \
 *      -Dauditweave.enrich.timeout-ms=1500 -jar auditweave-sample-spring-app-0.1.0-SNAPSHOT.jar
 * }</pre>
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "sample.faults.enrich.enabled", havingValue = "true")
public class EnricherFaultsConfiguration {

    /** How long a hanging look-up waits when nothing interrupts it. */
    static final Duration HANG = Duration.ofMinutes(10);
    private static final Logger LOG = LoggerFactory.getLogger(EnricherFaultsConfiguration.class);

    @Bean
    static BeanPostProcessor faultyEnrichers(Environment environment) {
        Binder binder = Binder.get(environment);
        Set<String> throwFor = binder.bind("sample.faults.enrich.throw-for", Bindable.setOf(String.class))
                .orElse(Set.of());
        Set<String> hangFor = binder.bind("sample.faults.enrich.hang-for", Bindable.setOf(String.class))
                .orElse(Set.of());
        LOG.warn("Enricher faults injected: look-ups throw for {} and hang for {}", throwFor, hangFor);
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof EventEnricher enricher
                        ? new FaultyEnricher(enricher, throwFor, hangFor, HANG) : bean;
            }
        };
    }
}
