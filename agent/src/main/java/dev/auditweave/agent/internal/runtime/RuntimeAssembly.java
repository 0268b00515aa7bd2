package dev.auditweave.agent.internal.runtime;

import dev.auditweave.agent.ConfigException;
import dev.auditweave.agent.internal.config.ConfigKeys;
import dev.auditweave.agent.internal.config.Settings;
import dev.auditweave.agent.internal.config.SinkSettings;
import dev.auditweave.agent.internal.dispatch.Backoff;
import dev.auditweave.agent.internal.dispatch.DeliveryPolicy;
import dev.auditweave.agent.internal.dispatch.Dispatcher;
import dev.auditweave.agent.internal.dispatch.Pipeline;
import dev.auditweave.agent.internal.dispatch.TypeFilter;
import dev.auditweave.agent.internal.enrich.EnrichPolicy;
import dev.auditweave.agent.internal.metrics.Counters;
import dev.auditweave.agent.internal.metrics.Ledger;
import dev.auditweave.agent.internal.redact.HashKey;
import dev.auditweave.agent.internal.sink.NamedSink;
import dev.auditweave.agent.internal.sink.Sinks;
import dev.auditweave.agent.internal.spool.Spool;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** How the parts of one {@link AuditweaveRuntime} are made from its settings; nothing is started here. */
final class RuntimeAssembly {

    /** The spool's overflow ring holds at most this many events (as many as the queue, if it is smaller). */
    private static final int MAX_OVERFLOW_RING = 16_384;

    private RuntimeAssembly() {
    }

    /** One dispatcher per sink, each with its delivery policy, its own ledger and its spool. */
    static Pipeline pipeline(Settings settings, List<Sinks.Configured> sinks, Counters counters) {
        List<Dispatcher> dispatchers = new ArrayList<>();
        for (Sinks.Configured configured : sinks) {
            SinkSettings sink = configured.settings();
            DeliveryPolicy policy = new DeliveryPolicy(sink.queueCapacity(), settings.get(ConfigKeys.QUEUE_MAX_BYTES),
                    sink.batchMaxEvents(), sink.batchMaxDelay(), sink.retryMaxAttempts(),
                    new Backoff(sink.retryInitialBackoff(), sink.retryMaxBackoff()));
            Ledger ledger = new Ledger(counters.forSink());
            if (configured.context() != null) {
                configured.context().bindMetrics(ledger.counters()::snapshot);
            }
            dispatchers.add(new Dispatcher(configured.name(), configured.sink(), policy, ledger,
                    TypeFilter.of(sink.eventTypes()), openSpool(settings, configured.name(), ledger)));
        }
        return new Pipeline(dispatchers);
    }

    static EnrichPolicy enrichPolicy(Settings settings) {
        return new EnrichPolicy(settings.get(ConfigKeys.ENRICH_THREADS), settings.get(ConfigKeys.ENRICH_QUEUE_CAPACITY),
                settings.get(ConfigKeys.ENRICH_TIMEOUT));
    }

    /** Sinks given in code: each with the global delivery settings and every event type. */
    static List<Sinks.Configured> withGlobalSettings(Settings settings, List<? extends NamedSink> sinks) {
        List<Sinks.Configured> configured = new ArrayList<>();
        for (NamedSink sink : sinks) {
            configured.add(new Sinks.Configured(sink.name(), sink, SinkSettings.global(settings, sink.name(), Map.of()),
                    null));
        }
        return configured;
    }

    /**
     * The key of {@code @Field(redact = HASH)}, from the environment variable {@code auditweave.redact.key-env}
     * names; {@code null} when unset.
     *
     * @throws ConfigException when the variable holds a key too short to be a secret
     */
    static HashKey hashKey(Settings settings) {
        String variable = settings.redactKeyEnv();
        return settings.environmentVariable(variable).map(secret -> {
            try {
                return HashKey.of(secret);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(ConfigKeys.REDACT_KEY_ENV.name(), "the environment variable " + variable
                        + " (named by " + ConfigKeys.REDACT_KEY_ENV.name() + ") cannot be the key of redact = HASH: "
                        + e.getMessage());
            }
        }).orElse(null);
    }

    /** The spool of {@code sink} when {@code auditweave.spool.dir} is set (and usable), else {@code null}. */
    private static Spool openSpool(Settings settings, String sink, Ledger ledger) {
        if (!settings.enabled()) {
            return null;
        }
        return settings.spoolDir().map(dir -> Spool.open(dir, sink, settings.spoolMaxBytes(),
                settings.spoolFsyncInterval(), Math.min(settings.queueCapacity(), MAX_OVERFLOW_RING), ledger))
                .orElse(null);
    }
}
