package dev.auditweave.spring;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The health indicator {@code auditweave} on Spring Boot 3 ({@link AuditweaveBoot3HealthIndicator}); off with
 * {@code management.health.auditweave.enabled=false}. Loaded only when Boot 3's health package is present, so that
 * the one starter jar serves Boot 3.5 and 4.0.
 *
 * <pre>{@code
 * management.health.auditweave.spool-backlog-threshold=10000
 * }</pre>
 */
@AutoConfiguration(after = AuditweaveAutoConfiguration.class)
@ConditionalOnClass(name = "org.springframework.boot.actuate.health.HealthIndicator")
@ConditionalOnProperty(name = "management.health.auditweave.enabled", matchIfMissing = true)
public class AuditweaveBoot3HealthAutoConfiguration {

    AuditweaveBoot3HealthAutoConfiguration() {
    }

    @Bean
    @ConditionalOnMissingBean
    AuditweaveBoot3HealthIndicator auditweaveHealthIndicator(Environment environment) {
        return new AuditweaveBoot3HealthIndicator(environment.getProperty(
                AuditweaveHealthAutoConfiguration.BACKLOG_THRESHOLD, Long.class,
                AuditweaveHealthAutoConfiguration.DEFAULT_BACKLOG_THRESHOLD));
    }
}
