package dev.auditweave.spring;

import dev.auditweave.agent.Auditweave;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Starts auditweave with the application context and stops it with the context. At start, every
 * {@code auditweave.*} value of the Spring {@code Environment} (application.properties or .yml, profiles,
 * environment variables such as {@code AUDITWEAVE_HTTP_URL}, system properties, ...) is checked exactly as the
 * {@code -javaagent} checks its own sources, the runtime is started from it, and the annotated methods of the
 * context's beans are compiled, so that an expression error is logged at start-up rather than at a first call.
 * At stop, queued events are drained within {@code auditweave.shutdown.timeout-ms}. The context's
 * {@code EventEnricher} and {@code ActorResolver} beans are added as the runtime starts and removed after the
 * drain at stop ({@link ExtensionBeans}); an enricher bean without a name fails the start.
 *
 * <p><b>An invalid value fails the start of the context</b>, with the agent's message naming key, value, origin and
 * expectation, for instance {@code auditweave.batch.max-events = 'abc' (class path resource
 * [application.properties] - 3:29): expected a whole number from 1 to 100000}. The agent cannot stop a JVM and
 * stays idle instead; an application context can refuse to start before it takes any traffic, which is what
 * hurts production least: an instance that runs without its audit events loses them silently until someone reads
 * the log. {@code auditweave.enabled=false} switches capture off without touching the other keys.
 *
 * <p>Its phase is {@link #PHASE}: it starts before the web server and the message listeners, and stops after
 * them, so requests still finishing during a graceful shutdown emit their events. A call of an annotated method
 * before the context starts (in a {@code @PostConstruct}) goes to the runtime the agent's own sources configure
 * (system properties, {@code AUDITWEAVE_*} variables), which this start replaces, draining it.
 *
 * <pre>{@code
 * // application.properties
 * auditweave.sink=http
 * auditweave.http.url=https://abuse.example.com/api/events
 * auditweave.http.header.Authorization=Bearer ${ABUSE_TOKEN}
 * }</pre>
 */
public final class AuditweaveLifecycle implements SmartLifecycle {

    /** Early to start, late to stop: below the web server's phases. */
    public static final int PHASE = Integer.MIN_VALUE / 2;

    private static final Logger LOG = LoggerFactory.getLogger(AuditweaveLifecycle.class);

    private final ConfigurableEnvironment environment;
    private final List<Runnable> afterStart;
    private final ExtensionBeans extensions;
    private volatile boolean running;

    /**
     * @param environment the context's environment, read at {@link #start()}
     * @param afterStart  run after the runtime started, in order (scanning the beans, binding the meters)
     * @param extensions  the enricher and actor resolver beans, added after the start, removed after the stop
     */
    AuditweaveLifecycle(ConfigurableEnvironment environment, List<Runnable> afterStart, ExtensionBeans extensions) {
        this.environment = environment;
        this.afterStart = List.copyOf(afterStart);
        this.extensions = extensions;
    }

    @Override
    public void start() {
        if (Auditweave.agentAttached()) {
            // The agent logs through its own relocated SLF4J to stderr until the application's logging is up.
            Auditweave.logThrough(new Slf4jLogTarget());
        }
        EnvironmentValues values = EnvironmentValues.of(environment);
        extensions.add();
        try {
            // A ConfigException here fails the context's start with the agent's message; see the class comment.
            Auditweave.start(values.values(), values.origins());
        } catch (RuntimeException e) {
            extensions.remove();
            throw e;
        }
        running = true;
        for (Runnable step : afterStart) {
            try {
                step.run();
            } catch (RuntimeException e) {
                LOG.warn("auditweave: a start-up step failed; events are captured regardless", e);
            }
        }
    }

    @Override
    public void stop() {
        running = false;
        if (!Auditweave.stop()) {
            LOG.warn("auditweave: some events were not delivered within auditweave.shutdown.timeout-ms");
        }
        extensions.remove();
        if (Auditweave.agentAttached()) {
            // The application's logging may shut down before the JVM: the agent's last lines go to stderr again.
            Auditweave.logThrough(null);
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
