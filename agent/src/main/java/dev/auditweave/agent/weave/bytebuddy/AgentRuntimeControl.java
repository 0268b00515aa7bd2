package dev.auditweave.agent.weave.bytebuddy;

import dev.auditweave.agent.config.ConfigException;
import dev.auditweave.agent.config.Settings;
import dev.auditweave.agent.metrics.AuditweaveMetrics;
import dev.auditweave.agent.runtime.AuditweaveRuntime;
import dev.auditweave.bootstrap.AgentControl;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The agent's runtime as the application's own copy of auditweave sees it ({@link AgentControl}): configuration
 * from the application (the Spring Boot starter's {@code Environment}), counters and flush.
 */
final class AgentRuntimeControl implements AgentControl {

    private final String agentArguments;

    AgentRuntimeControl(String agentArguments) {
        this.agentArguments = agentArguments;
    }

    @Override
    public String configure(Map<String, String> values, String origin) {
        try {
            Settings settings = Settings.load(agentArguments).withApplicationSource(values, origin);
            AuditweaveRuntime.replace(settings);
            return null;
        } catch (ConfigException e) {
            return e.getMessage();
        }
    }

    @Override
    public AuditweaveMetrics metrics(String sink) {
        AuditweaveRuntime runtime = AuditweaveRuntime.current();
        return sink == null ? runtime.metrics() : runtime.metrics(sink);
    }

    @Override
    public List<String> sinkNames() {
        return AuditweaveRuntime.current().sinkNames();
    }

    @Override
    public boolean flush(long timeoutMillis) {
        return AuditweaveRuntime.current().flush(Duration.ofMillis(timeoutMillis));
    }

    @Override
    public boolean idle() {
        return AuditweaveRuntime.current().isIdle();
    }
}
