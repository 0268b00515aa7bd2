package dev.auditweave.spring;

import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The actuator endpoint {@code auditweave} ({@link AuditweaveEndpoint}), when the actuator is on the class path and
 * the endpoint is available (exposed and enabled), the same on Boot 3.5 and 4.0.
 *
 * <pre>{@code
 * management.endpoints.web.exposure.include=health,auditweave
 * }</pre>
 */
@AutoConfiguration(after = AuditweaveAutoConfiguration.class)
@ConditionalOnClass(name = {"org.springframework.boot.actuate.endpoint.annotation.Endpoint",
        "org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint"})
public class AuditweaveEndpointAutoConfiguration {

    AuditweaveEndpointAutoConfiguration() {
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnAvailableEndpoint(endpoint = AuditweaveEndpoint.class)
    AuditweaveEndpoint auditweaveEndpoint() {
        return new AuditweaveEndpoint();
    }
}
