package dev.auditweave.spring;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The health indicator {@code auditweave} on Spring Boot 4 ({@link AuditweaveHealthIndicator}); off with
 * {@code management.health.auditweave.enabled=false}.
 *
 * <pre>{@code
 * management.health.auditweave.spool-backlog-threshold=10000
 * }</pre>
 */
@AutoConfiguration(after = AuditweaveAutoConfiguration.class)
@ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
@ConditionalOnEnabledHealthIndicator("auditweave")
public class AuditweaveHealthAutoConfiguration {

    /** The spool backlog above which the indicator is DOWN. */
    static final String BACKLOG_THRESHOLD = "management.health.auditweave.spool-backlog-threshold";
    static final long DEFAULT_BACKLOG_THRESHOLD = 10_000;

    AuditweaveHealthAutoConfiguration() {
    }

    @Bean
    @ConditionalOnMissingBean
    AuditweaveHealthIndicator auditweaveHealthIndicator(Environment environment) {
        return new AuditweaveHealthIndicator(
                environment.getProperty(BACKLOG_THRESHOLD, Long.class, DEFAULT_BACKLOG_THRESHOLD));
    }
}
