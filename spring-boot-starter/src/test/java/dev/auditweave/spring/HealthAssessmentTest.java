package dev.auditweave.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditweave.agent.metrics.AuditweaveMetrics;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The verdict from the counters of each sink, without a running sink. */
class HealthAssessmentTest {

    private final Map<String, AuditweaveMetrics> counters = new HashMap<>();
    private final HealthAssessment assessment = new HealthAssessment(100, () -> List.of("abuse"), counters::get);

    @Test
    void assess_noActivity_isUp() {
        counters.put("abuse", metrics(0, 0, 0, 0, 0, 0));

        assertThat(assessment.assess().up()).isTrue();
    }

    @Test
    void assess_failuresWithoutDelivery_isDown_thenUpOnceDeliveriesResume() {
        counters.put("abuse", metrics(0, 3, 2, 0, 0, 0));
        HealthAssessment.Result failing = assessment.assess();

        counters.put("abuse", metrics(5, 3, 2, 0, 0, 0));
        HealthAssessment.Result recovered = assessment.assess();

        assertThat(failing.up()).isFalse();
        assertThat(failing.details().get("abuse")).asString().contains("status=failing");
        assertThat(recovered.up()).isTrue();
        assertThat(recovered.details().get("abuse")).asString().contains("deliveredSinceLastCheck=5");
    }

    @Test
    void assess_failuresWithSomeDelivery_isUp() {
        counters.put("abuse", metrics(10, 1, 1, 0, 0, 0));

        assertThat(assessment.assess().up()).isTrue();
    }

    @Test
    void assess_spoolBacklogAboveThreshold_isDown() {
        counters.put("abuse", metrics(0, 0, 0, 150, 40, 5));

        HealthAssessment.Result result = assessment.assess();

        assertThat(result.up()).isFalse();
        assertThat(result.details().get("abuse")).asString().contains("status=spool backlog")
                .contains("spoolBacklog=105");
    }

    @Test
    void assess_spoolBacklogAtThreshold_isUp() {
        counters.put("abuse", metrics(0, 0, 0, 100, 0, 0));

        assertThat(assessment.assess().up()).isTrue();
    }

    private static AuditweaveMetrics metrics(long delivered, long failed, long retried, long spooled, long replayed,
                                             long deadLettered) {
        return new AuditweaveMetrics(0, 0, 0, 0, delivered, retried, failed, 0, 0, spooled, replayed, deadLettered, 0, 0, 0, 0,
                Map.of());
    }
}
