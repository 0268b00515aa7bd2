package dev.auditweave.bootstrap;

import dev.auditweave.agent.metrics.AuditweaveMetrics;
import java.util.List;
import java.util.Map;

/**
 * The agent's runtime, as the application's own copy of auditweave (the aspect library, the Spring Boot starter)
 * sees it when the {@code -javaagent} is attached: one runtime per JVM, whichever copy asks. Only JDK types and
 * the types of the public API that the agent jar shares on the bootstrap class path ({@link AuditweaveMetrics})
 * cross it. Internal: implemented by the agent alone.
 */
public interface AgentControl {

    /**
     * Restarts the agent's runtime with {@code values} ({@code auditweave.*} keys) as a source between the
     * environment and the properties file, named {@code origin} in messages. Returns the configuration error, or
     * {@code null} when the settings were valid and the runtime restarted.
     */
    String configure(Map<String, String> values, String origin);

    /**
     * The counters of every sink ({@code sink == null}) or of one.
     *
     * @throws IllegalArgumentException when no sink has that name
     */
    AuditweaveMetrics metrics(String sink);

    /** The names of the configured sinks, in order. */
    List<String> sinkNames();

    /** Delivers everything accepted so far, waiting at most {@code timeoutMillis}; {@code true} if it all went out. */
    boolean flush(long timeoutMillis);

    /** Whether the runtime delivers nowhere: disabled, invalid configuration, or no sink. */
    boolean idle();
}
