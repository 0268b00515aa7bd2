package dev.auditweave.spring;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * The health contributor {@code auditweave} on Spring Boot 3, where health lives in
 * {@code org.springframework.boot.actuate.health}: the same verdict and details as
 * {@link AuditweaveHealthIndicator} on Boot 4. Compiled against spring-boot-actuator 3.5 (a source directory of
 * its own) and loaded only when that package is present.
 *
 * <pre>{@code
 * GET /actuator/health/auditweave
 * }</pre>
 */
public final class AuditweaveBoot3HealthIndicator implements HealthIndicator {

    private final HealthAssessment assessment;

    AuditweaveBoot3HealthIndicator(long spoolBacklogThreshold) {
        this.assessment = new HealthAssessment(spoolBacklogThreshold);
    }

    @Override
    public Health health() {
        HealthAssessment.Result result = assessment.assess();
        return (result.up() ? Health.up() : Health.down()).withDetails(result.details()).build();
    }
}
