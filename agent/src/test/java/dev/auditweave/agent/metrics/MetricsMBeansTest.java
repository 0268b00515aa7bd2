package dev.auditweave.agent.metrics;

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
        counters.dropped(DropReason.ROLLBACK, 2);
        MetricsMBeans beans = MetricsMBeans.register(counters::snapshot, Map.of());
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        try {
            assertThat(server.getAttribute(MetricsMBeans.runtimeName(), "HeldForCommit")).isEqualTo(2L);
            assertThat(server.getAttribute(MetricsMBeans.runtimeName(), "EnrichFailed")).isEqualTo(1L);
            assertThat(server.getAttribute(MetricsMBeans.runtimeName(), "EnrichTimedOut")).isEqualTo(3L);
            assertThat(server.getAttribute(MetricsMBeans.runtimeName(), "Dropped")).isEqualTo(2L);
        } finally {
            beans.unregister();
        }
    }
}
