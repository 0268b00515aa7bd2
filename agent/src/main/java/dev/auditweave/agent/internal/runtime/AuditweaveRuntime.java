package dev.auditweave.agent.internal.runtime;

import dev.auditweave.agent.ConfigException;
import dev.auditweave.agent.internal.config.ConfigKeys;
import dev.auditweave.agent.internal.config.Settings;
import dev.auditweave.agent.internal.config.SinkSettings;
import dev.auditweave.agent.internal.context.TrustedProxies;
import dev.auditweave.agent.internal.dispatch.Backoff;
import dev.auditweave.agent.internal.dispatch.DeliveryPolicy;
import dev.auditweave.agent.internal.dispatch.Dispatcher;
import dev.auditweave.agent.internal.dispatch.Pipeline;
import dev.auditweave.agent.internal.dispatch.TypeFilter;
import dev.auditweave.agent.internal.enrich.EnrichPolicy;
import dev.auditweave.agent.internal.enrich.Enrichment;
import dev.auditweave.agent.internal.event.Event;
import dev.auditweave.agent.internal.event.SnapshotLimits;
import dev.auditweave.agent.internal.log.Loggers;
import dev.auditweave.agent.internal.metrics.Counters;
import dev.auditweave.agent.internal.metrics.Ledger;
import dev.auditweave.agent.internal.metrics.LossReporter;
import dev.auditweave.agent.internal.metrics.MetricsMBeans;
import dev.auditweave.agent.internal.plan.DeclaredSites;
import dev.auditweave.agent.internal.redact.HashKey;
import dev.auditweave.agent.internal.redact.HashKeys;
import dev.auditweave.agent.internal.sink.NamedSink;
import dev.auditweave.agent.internal.sink.Sinks;
import dev.auditweave.agent.internal.spool.Spool;
import dev.auditweave.agent.internal.tx.PendingEvents;
import dev.auditweave.agent.internal.tx.Transactions;
import dev.auditweave.agent.metrics.AuditweaveMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;

/**
 * The one running instance: settings, counters and the delivery pipeline. The agent starts it in
 * {@code premain}; with compile-time weaving it starts at the first annotated call. A configuration error
 * leaves it idle (nothing captured) with one ERROR naming the key: the application runs on regardless.
 */
public final class AuditweaveRuntime {

    private static final Logger LOG = Loggers.get(AuditweaveRuntime.class);

    private static volatile AuditweaveRuntime current;

    /** How often a minute's drops and dead letters are summed up in one INFO line. */
    private static final long LOSS_REPORT_SECONDS = 60;

    private final Settings settings;
    private final SnapshotLimits snapshotLimits;
    private final HashKey hashKey;
    private final TrustedProxies trustedProxies;
    private final Counters counters = new Counters();
    private final Pipeline pipeline;
    private final Enrichment enrichment;
    private final boolean idle;
    private final Thread shutdownHook;
    private final LossReporter lossReporter;
    private volatile MetricsMBeans mbeans;
    private boolean sinksFailed;

    private AuditweaveRuntime(Settings settings, List<Sinks.Configured> sinks) {
        this.settings = settings;
        DeclaredSites.fromRuntime(settings);
        this.snapshotLimits = new SnapshotLimits(settings.snapshotMaxDepth(), settings.snapshotMaxElements());
        this.hashKey = hashKey(settings);
        HashKeys.install(hashKey);
        this.trustedProxies = TrustedProxies.of(settings.get(ConfigKeys.CONTEXT_TRUSTED_PROXIES));
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
        this.pipeline = new Pipeline(dispatchers);
        this.enrichment = new Enrichment(new EnrichPolicy(settings.get(ConfigKeys.ENRICH_THREADS),
                settings.get(ConfigKeys.ENRICH_QUEUE_CAPACITY), settings.get(ConfigKeys.ENRICH_TIMEOUT)), counters,
                this::deliver);
        this.idle = !settings.enabled() || pipeline.isEmpty();
        this.shutdownHook = new Thread(this::shutdownAtExit, "auditweave-shutdown");
        this.lossReporter = new LossReporter(counters::snapshot);
    }

    /** Sinks given in code: each with the global delivery settings and every event type. */
    private static List<Sinks.Configured> withGlobalSettings(Settings settings, List<? extends NamedSink> sinks) {
        List<Sinks.Configured> configured = new ArrayList<>();
        for (NamedSink sink : sinks) {
            configured.add(new Sinks.Configured(sink.name(), sink, new SinkSettings(sink.name(), sink.name(), settings.httpUrl(),
                    SinkSettings.ALL_TYPES, Map.of(), "envelope", "auditweave", settings.httpTimeout(),
                    settings.httpConnectTimeout(), settings.batchMaxEvents(), settings.batchMaxDelay(),
                    settings.queueCapacity(), settings.retryMaxAttempts(), settings.retryInitialBackoff(),
                    settings.retryMaxBackoff(), settings.eventMaxBytes()), null));
        }
        return configured;
    }

    /** The spool's overflow ring holds at most this many events (as many as the queue, if it is smaller). */
    private static final int MAX_OVERFLOW_RING = 16_384;

    /** The spool of {@code sink} when {@code auditweave.spool.dir} is set (and usable), else {@code null}. */
    private static Spool openSpool(Settings settings, String sink, Ledger ledger) {
        if (!settings.enabled()) {
            return null;
        }
        return settings.spoolDir().map(dir -> Spool.open(dir, sink, settings.spoolMaxBytes(),
                settings.spoolFsyncInterval(), Math.min(settings.queueCapacity(), MAX_OVERFLOW_RING), ledger))
                .orElse(null);
    }

    /** The running instance, started from the environment's configuration on first use. */
    public static AuditweaveRuntime current() {
        AuditweaveRuntime runtime = current;
        return runtime != null ? runtime : install(null);
    }

    /** Starts the runtime once, from {@code agentArguments} (may be {@code null}) and the other sources. */
    public static synchronized AuditweaveRuntime install(String agentArguments) {
        if (current == null) {
            Settings settings = load(agentArguments);
            current = settings == null ? disabled() : startOrIdle(settings);
        }
        return current;
    }

    /**
     * Starts from {@code settings}, or, when its sinks cannot be made (a type no provider has, a provider that
     * fails), logs the error and stays idle with these settings, so that a later look in another class loader
     * ({@link #sinksFailed()}) can start it.
     */
    private static AuditweaveRuntime startOrIdle(Settings settings) {
        try {
            return start(settings, Sinks.configured(settings));
        } catch (ConfigException e) {
            LOG.error("auditweave: invalid configuration, no events will be emitted: {}", e.getMessage());
            AuditweaveRuntime idle = new AuditweaveRuntime(settings, List.of());
            idle.sinksFailed = true;
            return idle;
        }
    }

    /** Whether this instance stayed idle because its sinks could not be made at start. */
    public boolean sinksFailed() {
        return sinksFailed;
    }

    /**
     * Replaces the running instance, draining the old one first: for tests and for applications that
     * configure auditweave in code rather than through properties.
     */
    public static synchronized AuditweaveRuntime replace(Settings settings, List<? extends NamedSink> sinks) {
        return replaceWith(settings, withGlobalSettings(settings, sinks));
    }

    /**
     * Replaces the running instance with one built from {@code settings} alone, sinks included (as
     * {@code -javaagent} start-up would build it), draining the old one first.
     *
     * <pre>{@code
     * AuditweaveRuntime.replace(Settings.defaults().with(Map.of(
     *         "auditweave.sinks", "abuse,audit",
     *         "auditweave.sink.abuse.type", "http", "auditweave.sink.abuse.url", url,
     *         "auditweave.sink.audit.type", "log")));
     * }</pre>
     */
    public static synchronized AuditweaveRuntime replace(Settings settings) {
        return replaceWith(settings, Sinks.configured(settings));
    }

    private static AuditweaveRuntime replaceWith(Settings settings, List<Sinks.Configured> sinks) {
        AuditweaveRuntime previous = current;
        if (previous != null) {
            previous.close();
        }
        current = start(settings, sinks);
        return current;
    }

    private static AuditweaveRuntime start(Settings settings, List<Sinks.Configured> sinks) {
        AuditweaveRuntime runtime = new AuditweaveRuntime(settings, sinks);
        runtime.pipeline.start();
        if (!runtime.pipeline.isEmpty()) {
            runtime.enrichment.start();
            Runtime.getRuntime().addShutdownHook(runtime.shutdownHook);
            runtime.lossReporter.start(LOSS_REPORT_SECONDS);
            // JMX initialises in about a quarter of a second: on the metrics thread, not the application's start-up.
            runtime.lossReporter.execute(runtime::registerMBeans);
        }
        LOG.info("auditweave started: {}", runtime.describe());
        return runtime;
    }

    private static AuditweaveRuntime disabled() {
        return new AuditweaveRuntime(Settings.defaults().with(java.util.Map.of("auditweave.enabled", "false")), List.of());
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

    /** Whether capture can skip all work: disabled, or no sink to deliver to. */
    public boolean isIdle() {
        return idle;
    }

    public Settings settings() {
        return settings;
    }

    /** The proxies whose forwarding headers {@code REQUEST.ip} believes, from the settings, read once. */
    public TrustedProxies trustedProxies() {
        return trustedProxies;
    }

    /** The key of {@code @Field(redact = HASH)}, from the environment variable {@code auditweave.redact.key-env} names; {@code null} when unset. */
    public HashKey hashKey() {
        return hashKey;
    }

    /** @throws ConfigException when the variable holds a key too short to be a secret */
    private static HashKey hashKey(Settings settings) {
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

    /** How deep and how large the field values copied into events may be, from the settings, read once. */
    public SnapshotLimits snapshotLimits() {
        return snapshotLimits;
    }

    public Counters counters() {
        return counters;
    }

    public AuditweaveMetrics metrics() {
        return counters.snapshot();
    }

    /**
     * The counters of one sink, by name ({@code abuse} of {@code auditweave.sinks=abuse,audit}; {@code http} of the
     * shorthand {@code auditweave.sink=http}).
     *
     * @throws IllegalArgumentException when no sink has that name
     */
    public AuditweaveMetrics metrics(String sink) {
        for (Dispatcher dispatcher : pipeline.dispatchers()) {
            if (dispatcher.name().equals(sink)) {
                return dispatcher.counters().snapshot();
            }
        }
        throw new IllegalArgumentException("no sink named '" + sink + "'; the sinks are "
                + pipeline.dispatchers().stream().map(d -> d.name()).toList());
    }

    /** Hands a captured event to every sink's queue at once, whatever transaction is active; never blocks. */
    public void accept(Event event) {
        counters.captured();
        release(event);
    }

    /**
     * Counts a captured event and, when {@code caller} is given and a transaction is active on the calling thread as
     * code of {@code caller} sees it, holds the event until that transaction's outcome; else hands it on at once.
     * Never blocks.
     *
     * @param caller the class whose annotated method captured the event, or {@code null} for {@code phase = IMMEDIATE}
     */
    public void accept(Event event, Class<?> caller) {
        counters.captured();
        PendingEvents pending = caller == null ? null : Transactions.pendingEvents(caller, this);
        if (pending != null) {
            pending.hold(event);
        } else {
            release(event);
        }
    }

    /**
     * Counts a captured event and holds it in {@code pending}, the transaction found earlier on the thread that
     * called the annotated method (a returned {@code CompletionStage} completes later, possibly elsewhere and after
     * the transaction ended: {@link PendingEvents#hold} then follows its outcome at once); hands it on at once when
     * {@code pending} is {@code null}. Never blocks.
     *
     * <pre>{@code
     * PendingEvents pending = Transactions.pendingEvents(plan.caller(), runtime);   // when the method returns
     * stage.whenComplete((value, failure) -> runtime.accept(event(value), pending));
     * }</pre>
     */
    public void accept(Event event, PendingEvents pending) {
        counters.captured();
        if (pending != null) {
            pending.hold(event);
        } else {
            release(event);
        }
    }

    /**
     * Hands an event whose transaction (if any) committed to every sink's queue, through the enrichment threads when
     * its annotation names enrichers; never blocks.
     */
    public void release(Event event) {
        if (event.enrichRequest() == null) {
            deliver(event);
        } else {
            enrichment.offer(event);
        }
    }

    /** The one place an event leaves for delivery, enriched if it named enrichers: its sinks' queues and the taps. */
    private void deliver(Event event) {
        pipeline.offer(event);
        Taps.show(event, counters);
    }

    /**
     * Waits until every event released so far has been through its enrichers and handed to delivery (and the taps),
     * at most {@code timeout}; {@code true} if it was. Does not wait for delivery itself (see {@link #flush}).
     */
    public boolean awaitEnrichment(Duration timeout) {
        return enrichment.awaitIdle(System.nanoTime() + timeout.toNanos());
    }

    /**
     * Delivers everything accepted so far (once its enrichers finished), waiting at most {@code timeout}; {@code true}
     * if it all went out.
     */
    public boolean flush(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean enriched = enrichment.awaitIdle(deadline);
        return pipeline.flush(Duration.ofNanos(Math.max(0, deadline - System.nanoTime()))) && enriched;
    }

    /**
     * Drains within {@code timeout}: the events in enrichment get at most half of it (what is still unfinished then
     * is sent without the missing fields), delivery the rest. Returns the events that could not be delivered or
     * spooled in time.
     */
    private int drain(Duration timeout) {
        long started = System.nanoTime();
        enrichment.shutdown(started + timeout.toNanos() / 2);
        return pipeline.shutdown(Duration.ofNanos(Math.max(0, started + timeout.toNanos() - System.nanoTime())));
    }

    private String describe() {
        if (!settings.enabled()) {
            return "disabled (auditweave.enabled=false)";
        }
        if (pipeline.isEmpty()) {
            return "no sink to deliver to, capture is off";
        }
        String spool = settings.spoolDir().map(dir -> ", spool " + dir.toAbsolutePath() + " (max "
                + settings.spoolMaxBytes() + " bytes, fsync every " + settings.spoolFsyncInterval().toMillis() + " ms)")
                .orElse("");
        if (settings.namedSinks().isEmpty()) {
            return "sinks " + pipeline.dispatchers().stream().map(d -> d.name()).collect(Collectors.joining(", "))
                    + ", batch " + settings.batchMaxEvents() + " events / " + settings.batchMaxDelay().toMillis()
                    + " ms, queue " + settings.queueCapacity() + spool;
        }
        return "sinks " + pipeline.dispatchers().stream().map(d -> d.name() + " (types " + d.filter()
                + ", batch " + d.policy().maxBatchEvents() + " events / " + d.policy().maxBatchDelay().toMillis()
                + " ms, queue " + d.policy().queueCapacity() + ")").collect(Collectors.joining(", ")) + spool;
    }

    private void registerMBeans() {
        Map<String, java.util.function.Supplier<AuditweaveMetrics>> perSink = new LinkedHashMap<>();
        pipeline.dispatchers().forEach(d -> perSink.put(d.name(), d.counters()::snapshot));
        mbeans = MetricsMBeans.register(counters::snapshot, perSink);
    }

    private void close() {
        lossReporter.stop(); // after this, registerMBeans has either run or never will
        MetricsMBeans registered = mbeans;
        if (registered != null) {
            registered.unregister();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException | IllegalArgumentException alreadyShuttingDownOrNotRegistered) {
            return;
        }
        drain(settings.shutdownTimeout());
    }

    private void shutdownAtExit() {
        long started = System.nanoTime();
        logStopped("auditweave stopped", started, drain(settings.shutdownTimeout()));
    }

    /** One summary line of what this instance did: WARN when something was lost, failed or dropped. */
    private void logStopped(String what, long startedNanos, int lost) {
        AuditweaveMetrics m = counters.snapshot();
        String summary = what + " in {} ms: captured {}, delivered {}, failed {}, dropped {}, lost {},"
                + " spooled {}, replayed {}, dead-lettered {}, dropped by reason {}";
        Object[] figures = {(System.nanoTime() - startedNanos) / 1_000_000, m.captured(), m.delivered(), m.failed(),
                m.dropped(), m.lost(), m.spooled(), m.replayed(), m.deadLettered(), m.droppedByReason()};
        if (lost > 0 || m.failed() > 0 || m.dropped() > 0) {
            LOG.warn(summary, figures);
        } else {
            LOG.info(summary, figures);
        }
    }

    // ---- Started and stopped with an application (the Spring Boot starter) ----

    /** Set once {@link #stop(Duration)} drained this instance, so that nothing drains it twice. */
    private final java.util.concurrent.atomic.AtomicBoolean stopped = new java.util.concurrent.atomic.AtomicBoolean();

    /**
     * Starts a runtime from {@code settings} in place of the current one, as {@link #replace(Settings)} does,
     * after logging the settings' warnings once. A current instance that {@link #stop(Duration)} stopped is not
     * drained again.
     *
     * <pre>{@code
     * AuditweaveRuntime.startWith(Settings.fromValues(values, origins, System.getenv()));
     * }</pre>
     */
    public static synchronized AuditweaveRuntime startWith(Settings settings) {
        settings.warnings().forEach(warning -> LOG.warn("auditweave: {}", warning));
        AuditweaveRuntime previous = current;
        if (previous != null && previous.stopped.get()) {
            current = null;
        }
        return replace(settings);
    }

    /**
     * Drains the current instance within {@code timeout}, logs one summary line (WARN when something was lost,
     * failed or dropped) and leaves it in place, stopped: its counters stay readable, and an event captured
     * afterwards is counted as dropped ({@code SHUTDOWN}). Returns how many events could not be delivered or
     * spooled in time; 0 when there is no instance or it was stopped already. During JVM exit the runtime's own
     * shutdown hook drains it instead, and this returns 0 at once.
     *
     * <pre>{@code
     * int lost = AuditweaveRuntime.stop(Duration.ofSeconds(5));
     * }</pre>
     */
    public static synchronized int stop(Duration timeout) {
        AuditweaveRuntime runtime = current;
        if (runtime == null || !runtime.stopped.compareAndSet(false, true)) {
            return 0;
        }
        long started = System.nanoTime();
        runtime.lossReporter.stop();
        MetricsMBeans registered = runtime.mbeans;
        if (registered != null) {
            registered.unregister();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(runtime.shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            return 0; // the shutdown hook drains it
        }
        int lost = runtime.drain(timeout);
        if (!runtime.pipeline.isEmpty()) {
            runtime.logStopped("auditweave stopped with the application", started, lost);
        }
        return lost;
    }

    /** Whether {@link #stop(Duration)} stopped this instance. */
    public boolean isStopped() {
        return stopped.get();
    }

    /** The names of the sinks, in configuration order. */
    public List<String> sinkNames() {
        return pipeline.dispatchers().stream().map(d -> d.name()).toList();
    }

    /** The names of the sinks whose {@code types} take events of {@code type}, in configuration order. */
    public List<String> sinksFor(String type) {
        return pipeline.dispatchers().stream().filter(d -> d.filter().matches(type)).map(d -> d.name())
                .toList();
    }
}
