package dev.auditweave.agent.internal.runtime;

import dev.auditweave.agent.internal.config.ConfigKeys;
import dev.auditweave.agent.internal.config.Settings;
import dev.auditweave.agent.internal.context.TrustedProxies;
import dev.auditweave.agent.internal.dispatch.Dispatcher;
import dev.auditweave.agent.internal.dispatch.Pipeline;
import dev.auditweave.agent.internal.enrich.Enrichment;
import dev.auditweave.agent.internal.event.Event;
import dev.auditweave.agent.internal.event.SnapshotLimits;
import dev.auditweave.agent.internal.metrics.Counters;
import dev.auditweave.agent.internal.plan.DeclaredSites;
import dev.auditweave.agent.internal.redact.HashKey;
import dev.auditweave.agent.internal.redact.HashKeys;
import dev.auditweave.agent.internal.sink.NamedSink;
import dev.auditweave.agent.internal.sink.Sinks;
import dev.auditweave.agent.internal.tx.PendingEvents;
import dev.auditweave.agent.internal.tx.Transactions;
import dev.auditweave.agent.metrics.AuditweaveMetrics;
import java.time.Duration;
import java.util.List;

/**
 * The one running instance: settings, counters and the delivery pipeline. The agent starts it in
 * {@code premain}; with compile-time weaving it starts at the first annotated call. A configuration error
 * leaves it idle (nothing captured) with one ERROR naming the key: the application runs on regardless.
 *
 * <p>Which instance runs is {@link RuntimeInstaller}'s to decide, how one is made from its settings
 * {@link RuntimeAssembly}'s, how it starts and stops {@link RuntimeLifecycle}'s; this class is the instance's
 * running side: events accepted, held for their transaction, released to enrichment and delivery.
 */
public final class AuditweaveRuntime {

    private final Settings settings;
    private final SnapshotLimits snapshotLimits;
    private final HashKey hashKey;
    private final TrustedProxies trustedProxies;
    private final Counters counters = new Counters();
    private final Pipeline pipeline;
    private final Enrichment enrichment;
    private final boolean idle;
    private final RuntimeLifecycle lifecycle;
    private boolean sinksFailed;

    private AuditweaveRuntime(Settings settings, List<Sinks.Configured> sinks) {
        this.settings = settings;
        DeclaredSites.fromRuntime(settings);
        this.snapshotLimits = new SnapshotLimits(settings.snapshotMaxDepth(), settings.snapshotMaxElements());
        this.hashKey = RuntimeAssembly.hashKey(settings);
        HashKeys.install(hashKey);
        this.trustedProxies = TrustedProxies.of(settings.get(ConfigKeys.CONTEXT_TRUSTED_PROXIES));
        this.pipeline = RuntimeAssembly.pipeline(settings, sinks, counters);
        this.enrichment = new Enrichment(RuntimeAssembly.enrichPolicy(settings), counters, this::deliver);
        this.idle = !settings.enabled() || pipeline.isEmpty();
        this.lifecycle = new RuntimeLifecycle(settings, counters, pipeline, enrichment);
    }

    /** A started instance delivering to {@code sinks}. */
    static AuditweaveRuntime start(Settings settings, List<Sinks.Configured> sinks) {
        AuditweaveRuntime runtime = new AuditweaveRuntime(settings, sinks);
        runtime.lifecycle.start();
        return runtime;
    }

    /** An instance that is never started: nothing to deliver to. */
    static AuditweaveRuntime idle(Settings settings) {
        return new AuditweaveRuntime(settings, List.of());
    }

    /** An idle instance whose sinks could not be made from {@code settings}. */
    static AuditweaveRuntime idleAfterFailedSinks(Settings settings) {
        AuditweaveRuntime idle = idle(settings);
        idle.sinksFailed = true;
        return idle;
    }

    /** The running instance, started from the environment's configuration on first use. */
    public static AuditweaveRuntime current() {
        return RuntimeInstaller.current();
    }

    /** Starts the runtime once, from {@code agentArguments} (may be {@code null}) and the other sources. */
    public static AuditweaveRuntime install(String agentArguments) {
        return RuntimeInstaller.install(agentArguments);
    }

    /** Whether this instance stayed idle because its sinks could not be made at start. */
    public boolean sinksFailed() {
        return sinksFailed;
    }

    /**
     * Replaces the running instance, draining the old one first: for tests and for applications that
     * configure auditweave in code rather than through properties.
     */
    public static AuditweaveRuntime replace(Settings settings, List<? extends NamedSink> sinks) {
        return RuntimeInstaller.replace(settings, sinks);
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
    public static AuditweaveRuntime replace(Settings settings) {
        return RuntimeInstaller.replace(settings);
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

    /** Drains this instance before another takes its place. */
    void close() {
        lifecycle.close();
    }

    /** Drains this instance once, for {@link #stop(Duration)}; 0 when it was stopped already. */
    int stopWithApplication(Duration timeout) {
        return lifecycle.stop(timeout);
    }

    // ---- Started and stopped with an application (the Spring Boot starter) ----

    /**
     * Starts a runtime from {@code settings} in place of the current one, as {@link #replace(Settings)} does,
     * after logging the settings' warnings once. A current instance that {@link #stop(Duration)} stopped is not
     * drained again.
     *
     * <pre>{@code
     * AuditweaveRuntime.startWith(Settings.fromValues(values, origins, System.getenv()));
     * }</pre>
     */
    public static AuditweaveRuntime startWith(Settings settings) {
        return RuntimeInstaller.startWith(settings);
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
    public static int stop(Duration timeout) {
        return RuntimeInstaller.stop(timeout);
    }

    /** Whether {@link #stop(Duration)} stopped this instance. */
    public boolean isStopped() {
        return lifecycle.isStopped();
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
