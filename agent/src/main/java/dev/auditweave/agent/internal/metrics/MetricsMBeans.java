package dev.auditweave.agent.internal.metrics;

import dev.auditweave.agent.metrics.AuditweaveMXBean;
import dev.auditweave.agent.metrics.AuditweaveMetrics;

import dev.auditweave.agent.internal.log.Loggers;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.slf4j.Logger;

/**
 * Registers the counters as MXBeans on the platform MBean server, and unregisters them when the runtime is
 * replaced. A failure (a security manager, a clash with another copy of auditweave) is logged once and otherwise
 * ignored: metrics must never stop delivery.
 *
 * <pre>{@code
 * MetricsMBeans beans = MetricsMBeans.register(counters::snapshot, Map.of("abuse", abuse::snapshot));
 * ...
 * beans.unregister();
 * }</pre>
 */
public final class MetricsMBeans {

    private static final Logger LOG = Loggers.get(MetricsMBeans.class);
    public static final String DOMAIN = "dev.auditweave";

    private final List<ObjectName> registered;

    private MetricsMBeans(List<ObjectName> registered) {
        this.registered = registered;
    }

    /** {@code dev.auditweave:type=Auditweave}. */
    public static ObjectName runtimeName() {
        return name("type=Auditweave");
    }

    /** {@code dev.auditweave:type=Sink,name=<sink>}. */
    public static ObjectName sinkName(String sink) {
        return name("type=Sink,name=" + (sink.matches("[A-Za-z0-9._-]+") ? sink : ObjectName.quote(sink)));
    }

    public static MetricsMBeans register(Supplier<AuditweaveMetrics> all, Map<String, Supplier<AuditweaveMetrics>> sinks) {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        List<ObjectName> registered = new ArrayList<>();
        Map<ObjectName, Supplier<AuditweaveMetrics>> beans = new LinkedHashMap<>();
        beans.put(runtimeName(), all);
        sinks.forEach((sink, metrics) -> beans.put(sinkName(sink), metrics));
        beans.forEach((name, metrics) -> {
            try {
                if (server.isRegistered(name)) {
                    server.unregisterMBean(name); // left by a runtime that was not closed, e.g. a second copy
                }
                server.registerMBean(new View(metrics), name);
                registered.add(name);
            } catch (JMException | RuntimeException e) {
                LOG.warn("auditweave: could not register the MBean {}: {}", name, e.toString());
            }
        });
        return new MetricsMBeans(registered);
    }

    public void unregister() {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        for (ObjectName name : registered) {
            try {
                if (server.isRegistered(name)) {
                    server.unregisterMBean(name);
                }
            } catch (JMException | RuntimeException e) {
                LOG.debug("auditweave: could not unregister the MBean {}: {}", name, e.toString());
            }
        }
    }

    private static ObjectName name(String properties) {
        try {
            return new ObjectName(DOMAIN + ":" + properties);
        } catch (JMException e) {
            throw new IllegalArgumentException(properties, e);
        }
    }

    /** One MXBean over a snapshot supplier. */
    private record View(Supplier<AuditweaveMetrics> metrics) implements AuditweaveMXBean {

        @Override
        public long getCaptured() {
            return metrics.get().captured();
        }

        @Override
        public long getCaptureErrors() {
            return metrics.get().captureErrors();
        }

        @Override
        public long getGuardedOut() {
            return metrics.get().guardedOut();
        }

        @Override
        public long getEnqueued() {
            return metrics.get().enqueued();
        }

        @Override
        public long getDelivered() {
            return metrics.get().delivered();
        }

        @Override
        public long getRetried() {
            return metrics.get().retried();
        }

        @Override
        public long getFailed() {
            return metrics.get().failed();
        }

        @Override
        public long getLost() {
            return metrics.get().lost();
        }

        @Override
        public long getSpooled() {
            return metrics.get().spooled();
        }

        @Override
        public long getReplayed() {
            return metrics.get().replayed();
        }

        @Override
        public long getDeadLettered() {
            return metrics.get().deadLettered();
        }

        @Override
        public long getHeldForCommit() {
            return metrics.get().heldForCommit();
        }

        @Override
        public long getDroppedRollback() {
            return metrics.get().droppedRollback();
        }

        @Override
        public long getEnrichFailed() {
            return metrics.get().enrichFailed();
        }

        @Override
        public long getEnrichTimedOut() {
            return metrics.get().enrichTimedOut();
        }

        @Override
        public long getDropped() {
            return metrics.get().dropped();
        }

        @Override
        public Map<String, Long> getDroppedByReason() {
            Map<String, Long> byName = new LinkedHashMap<>();
            metrics.get().droppedByReason().forEach((reason, count) -> byName.put(reason.name(), count));
            return byName;
        }
    }
}
