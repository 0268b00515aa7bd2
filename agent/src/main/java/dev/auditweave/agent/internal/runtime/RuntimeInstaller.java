package dev.auditweave.agent.internal.runtime;

import dev.auditweave.agent.ConfigException;
import dev.auditweave.agent.internal.config.Settings;
import dev.auditweave.agent.internal.log.Loggers;
import dev.auditweave.agent.internal.sink.NamedSink;
import dev.auditweave.agent.internal.sink.Sinks;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;

/**
 * Which {@link AuditweaveRuntime} is the running one: installed once from the environment's configuration, replaced
 * by tests and by code that configures auditweave itself, stopped with an application. The public entry points are
 * {@link AuditweaveRuntime}'s static methods; every change of instance holds this class's lock.
 */
final class RuntimeInstaller {

    /** The runtime's own: a configuration error is the runtime's to report. */
    private static final Logger LOG = Loggers.get(AuditweaveRuntime.class);

    private static volatile AuditweaveRuntime current;

    private RuntimeInstaller() {
    }

    static AuditweaveRuntime current() {
        AuditweaveRuntime runtime = current;
        return runtime != null ? runtime : install(null);
    }

    static synchronized AuditweaveRuntime install(String agentArguments) {
        if (current == null) {
            Settings settings = load(agentArguments);
            current = settings == null ? disabled() : startOrIdle(settings);
        }
        return current;
    }

    static synchronized AuditweaveRuntime replace(Settings settings, List<? extends NamedSink> sinks) {
        return replaceWith(settings, RuntimeAssembly.withGlobalSettings(settings, sinks));
    }

    static synchronized AuditweaveRuntime replace(Settings settings) {
        return replaceWith(settings, Sinks.configured(settings));
    }

    static synchronized AuditweaveRuntime startWith(Settings settings) {
        settings.warnings().forEach(warning -> LOG.warn("auditweave: {}", warning));
        AuditweaveRuntime previous = current;
        if (previous != null && previous.isStopped()) {
            current = null;
        }
        return replace(settings);
    }

    static synchronized int stop(Duration timeout) {
        AuditweaveRuntime runtime = current;
        return runtime == null ? 0 : runtime.stopWithApplication(timeout);
    }

    /**
     * Starts from {@code settings}, or, when its sinks cannot be made (a type no provider has, a provider that
     * fails), logs the error and stays idle with these settings, so that a later look in another class loader
     * ({@link AuditweaveRuntime#sinksFailed()}) can start it.
     */
    private static AuditweaveRuntime startOrIdle(Settings settings) {
        try {
            return AuditweaveRuntime.start(settings, Sinks.configured(settings));
        } catch (ConfigException e) {
            LOG.error("auditweave: invalid configuration, no events will be emitted: {}", e.getMessage());
            return AuditweaveRuntime.idleAfterFailedSinks(settings);
        }
    }

    private static AuditweaveRuntime replaceWith(Settings settings, List<Sinks.Configured> sinks) {
        AuditweaveRuntime previous = current;
        if (previous != null) {
            previous.close();
        }
        current = AuditweaveRuntime.start(settings, sinks);
        return current;
    }

    private static AuditweaveRuntime disabled() {
        return AuditweaveRuntime.idle(Settings.defaults().with(Map.of("auditweave.enabled", "false")));
    }

    private static Settings load(String agentArguments) {
        try {
            Settings settings = Settings.load(agentArguments);
            settings.warnings().forEach(warning -> LOG.warn("auditweave: {}", warning));
            return settings;
        } catch (ConfigException e) {
            LOG.error("auditweave: invalid configuration, no events will be emitted: {}", e.getMessage());
            return null;
        }
    }
}
