package dev.auditweave.spring;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Micrometer meters for auditweave's counters ({@link AuditweaveMeterBinder}), when Micrometer is on the class
 * path; Spring Boot binds them to its registries.
 *
 * <pre>{@code
 * GET /actuator/metrics/auditweave.events?tag=sink:http&tag=outcome:delivered
 * }</pre>
 */
@AutoConfiguration(after = AuditweaveAutoConfiguration.class)
@ConditionalOnClass(name = "io.micrometer.core.instrument.binder.MeterBinder")
public class AuditweaveMetricsAutoConfiguration {

    AuditweaveMetricsAutoConfiguration() {
    }

    @Bean
    @ConditionalOnMissingBean
    AuditweaveMeterBinder auditweaveMeterBinder() {
        return new AuditweaveMeterBinder();
    }
}
