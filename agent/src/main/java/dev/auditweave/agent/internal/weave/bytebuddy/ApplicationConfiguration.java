package dev.auditweave.agent.internal.weave.bytebuddy;

import dev.auditweave.agent.ConfigException;
import dev.auditweave.agent.internal.config.Settings;
import dev.auditweave.agent.internal.log.Loggers;
import dev.auditweave.agent.internal.runtime.AuditweaveRuntime;
import dev.auditweave.agent.internal.sink.SinkProviders;
import org.slf4j.Logger;

/**
 * The application's {@code auditweave.properties}, which the agent cannot see in {@code premain} when the
 * application has a class loader of its own (a Spring Boot fat jar's {@code BOOT-INF/classes}): read through the
 * loader of the first class that declares or inherits an annotated method, before that class can run, and the
 * runtime restarted with it. A file found by {@code premain} (working directory, {@code auditweave.config.file},
 * the system class path) wins, as do agent arguments, system properties and the environment over any file. The
 * same loader is searched for sink providers from then on; a runtime that stayed idle because a sink's provider
 * was not found in {@code premain} is started again with it.
 */
final class ApplicationConfiguration {

    private static final Logger LOG = Loggers.get(ApplicationConfiguration.class);

    private ApplicationConfiguration() {
    }

    /** Called once, with the loader of the first candidate class that is not the system or platform loader's. */
    static void firstApplicationLoader(ClassLoader loader) {
        SinkProviders.addLoader(loader);
        AuditweaveRuntime runtime = AuditweaveRuntime.current();
        Settings settings = runtime.settings();
        try {
            Settings withFile = settings.withClassPathFileOf(loader);
            if (withFile != settings || runtime.sinksFailed()) {
                // premain logged the other sources' warnings already: only the file's are new.
                withFile.warnings().stream().filter(warning -> !settings.warnings().contains(warning))
                        .forEach(warning -> LOG.warn("auditweave: {}", warning));
                AuditweaveRuntime.replace(withFile);
            }
        } catch (ConfigException e) {
            LOG.error("auditweave: invalid configuration, no events will be emitted: {}", e.getMessage());
            AuditweaveRuntime.replace(settings.with(java.util.Map.of("auditweave.enabled", "false")));
        }
    }
}
