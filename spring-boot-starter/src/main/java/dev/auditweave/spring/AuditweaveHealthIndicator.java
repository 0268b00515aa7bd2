package dev.auditweave.spring;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The health contributor {@code auditweave} on Spring Boot 4: DOWN when a sink is failing (batches failed or
 * retried since the previous check and none delivered) or its spool holds more than
 * {@code management.health.auditweave.spool-backlog-threshold} events (default 10000); details per sink.
 *
 * <p>DOWN rather than OUT_OF_SERVICE: the component is not working, nobody took it out of service. It is not part
 * of the liveness or readiness groups unless you add it: a failing audit endpoint should page someone, not restart
 * the application or take it out of the load balancer.
 *
 * <pre>{@code
 * GET /actuator/health/auditweave
 * {"status":"DOWN","details":{"http":{"status":"failing","deliveredSinceLastCheck":0,"failedSinceLastCheck":12,...}}}
 * }</pre>
 */
public final class AuditweaveHealthIndicator implements HealthIndicator {

    private final HealthAssessment assessment;

    AuditweaveHealthIndicator(long spoolBacklogThreshold) {
        this.assessment = new HealthAssessment(spoolBacklogThreshold);
    }

    @Override
    public Health health() {
        HealthAssessment.Result result = assessment.assess();
        return (result.up() ? Health.up() : Health.down()).withDetails(result.details()).build();
    }
}
