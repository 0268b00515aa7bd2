package dev.auditweave.agent;

import dev.auditweave.agent.metrics.AuditweaveMetrics;
import dev.auditweave.agent.runtime.AuditweaveRuntime;
import java.time.Duration;

/**
 * The {@link Auditweave} facade's answers when no {@code -javaagent} is attached: this copy's own runtime. Kept
 * apart so that the agent's copy of the facade, on the bootstrap class path, never resolves the runtime there.
 */
final class LocalRuntime {

    private LocalRuntime() {
    }

    static AuditweaveMetrics metrics(String sink) {
        AuditweaveRuntime runtime = AuditweaveRuntime.current();
        return sink == null ? runtime.metrics() : runtime.metrics(sink);
    }

    static boolean flush(Duration timeout) {
        return AuditweaveRuntime.current().flush(timeout);
    }
}
