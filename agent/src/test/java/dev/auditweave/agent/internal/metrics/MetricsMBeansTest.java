package dev.auditweave.agent.internal.metrics;

import dev.auditweave.agent.metrics.DropReason;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.Map;
import javax.management.JMException;
import javax.management.MBeanServer;
import org.junit.jupiter.api.Test;

/** The MXBean shows every counter of a snapshot, the transaction and enrichment ones included. */
class MetricsMBeansTest {

    @Test
    void register_exposesHeldForCommitAndTheEnrichCounters() throws JMException {
        Counters counters = new Counters();
        counters.heldForCommit();
        counters.heldForCommit();
        counters.enrichFailed();
        counters.enrichTimedOut();
        counters.enrichTimedOut();
        counters.enrichTimedOut();
        counters.droppedRollback(2);
        counters.dropped(DropReason.TRANSACTION_FULL, 1);
        MetricsMBeans beans = MetricsMBeans.register(counters::snapshot, Map.of());
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        try {
            assertThat(server.getAttribute(MetricsMBeans.runtimeName(), "HeldForCommit")).isEqualTo(2L);
            assertThat(server.getAttribute(MetricsMBeans.runtimeName(), "EnrichFailed")).isEqualTo(1L);
            assertThat(server.getAttribute(MetricsMBeans.runtimeName(), "EnrichTimedOut")).isEqualTo(3L);
            assertThat(server.getAttribute(MetricsMBeans.runtimeName(), "DroppedRollback")).isEqualTo(2L);
            assertThat(server.getAttribute(MetricsMBeans.runtimeName(), "Dropped")).as("a rollback is not a loss")
                    .isEqualTo(1L);
        } finally {
            beans.unregister();
        }
    }
}
