package dev.auditweave.spring;

import dev.auditweave.agent.Auditweave;
import dev.auditweave.agent.metrics.AuditweaveMetrics;
import dev.auditweave.agent.metrics.DropReason;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.ToDoubleFunction;

/**
 * Micrometer meters for every counter of {@link AuditweaveMetrics}, as {@link FunctionCounter}s that read the
 * runtime's counters when the registry is read: nothing is added to the business call.
 *
 * <table>
 *   <caption>Meters</caption>
 *   <tr><th>name</th><th>tags</th><th>counter</th></tr>
 *   <tr><td>{@code auditweave.events.captured}</td><td></td><td>captured</td></tr>
 *   <tr><td>{@code auditweave.capture.errors}</td><td></td><td>captureErrors</td></tr>
 *   <tr><td>{@code auditweave.events.guarded.out}</td><td></td><td>guardedOut</td></tr>
 *   <tr><td>{@code auditweave.transaction.events.held}</td><td></td><td>heldForCommit</td></tr>
 *   <tr><td>{@code auditweave.transaction.events.dropped}</td><td>{@code reason} = rollback, transaction_full</td>
 *       <td>droppedByReason (counted once, before routing, so not per sink)</td></tr>
 *   <tr><td>{@code auditweave.enrich.failed}</td><td></td><td>enrichFailed</td></tr>
 *   <tr><td>{@code auditweave.enrich.timed.out}</td><td></td><td>enrichTimedOut</td></tr>
 *   <tr><td>{@code auditweave.events}</td><td>{@code sink}, {@code outcome} = enqueued, delivered, failed, lost,
 *       spooled, replayed, dead_lettered</td><td>the counter of that name</td></tr>
 *   <tr><td>{@code auditweave.events.dropped}</td><td>{@code sink}, {@code reason} = queue_full, spool_full,
 *       spool_error, poison_no_spool, shutdown</td><td>droppedByReason</td></tr>
 *   <tr><td>{@code auditweave.batches.retried}</td><td>{@code sink}</td><td>retried</td></tr>
 * </table>
 *
 * <p>Spring Boot binds it to every registry; the per-sink meters follow once the runtime started with the
 * context.
 *
 * <pre>{@code
 * double delivered = registry.get("auditweave.events").tags("sink", "http", "outcome", "delivered")
 *         .functionCounter().count();
 * }</pre>
 */
public final class AuditweaveMeterBinder implements MeterBinder, StartListener {

    private static final Map<String, ToDoubleFunction<AuditweaveMetrics>> OUTCOMES = Map.of(
            "enqueued", AuditweaveMetrics::enqueued,
            "delivered", AuditweaveMetrics::delivered,
            "failed", AuditweaveMetrics::failed,
            "lost", AuditweaveMetrics::lost,
            "spooled", AuditweaveMetrics::spooled,
            "replayed", AuditweaveMetrics::replayed,
            "dead_lettered", AuditweaveMetrics::deadLettered);

    /** Counted once for the whole runtime, before an event is routed to its sinks: never per sink. */
    private static final Set<DropReason> BEFORE_ROUTING = EnumSet.of(DropReason.TRANSACTION_FULL);

    private final List<MeterRegistry> registries = new CopyOnWriteArrayList<>();
    /** Until the runtime started with the context, its sinks are not known (and asking would start a default one). */
    private volatile boolean started;

    AuditweaveMeterBinder() {
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        registries.add(registry);
        global(registry, "auditweave.events.captured", "events that passed their guard and were built",
                AuditweaveMetrics::captured);
        global(registry, "auditweave.capture.errors", "guard or field evaluations that threw",
                AuditweaveMetrics::captureErrors);
        global(registry, "auditweave.events.guarded.out", "calls of an annotated method whose guard was false",
                AuditweaveMetrics::guardedOut);
        global(registry, "auditweave.transaction.events.held", "events that waited for a transaction's outcome",
                AuditweaveMetrics::heldForCommit);
        FunctionCounter.builder("auditweave.transaction.events.dropped", Auditweave.class,
                        ignored -> Auditweave.metrics().droppedRollback())
                .tag("reason", "rollback")
                .description("events dropped with their transaction: rolled back (rightly never sent), or too many held")
                .register(registry);
        for (DropReason reason : BEFORE_ROUTING) {
            FunctionCounter.builder("auditweave.transaction.events.dropped", Auditweave.class,
                            ignored -> Auditweave.metrics().droppedByReason().getOrDefault(reason, 0L))
                    .tag("reason", reason.name().toLowerCase(Locale.ROOT))
                    .description("events dropped with their transaction: rolled back (rightly never sent), or too many held")
                    .register(registry);
        }
        global(registry, "auditweave.enrich.failed", "enrichers that threw or were not found; the event was sent"
                + " without their fields", AuditweaveMetrics::enrichFailed);
        global(registry, "auditweave.enrich.timed.out", "enrichers out of time or events that found the enrichment"
                + " queue full; the event was sent without their fields", AuditweaveMetrics::enrichTimedOut);
        if (started) {
            for (String sink : Auditweave.sinkNames()) {
                bindSink(registry, sink);
            }
        }
    }

    /** Adds the meters of sinks that appeared since binding (the runtime started with the context). */
    @Override
    public void started() {
        started = true;
        for (String sink : Auditweave.sinkNames()) {
            for (MeterRegistry registry : registries) {
                bindSink(registry, sink);
            }
        }
    }

    private static void global(MeterRegistry registry, String name, String description,
                               ToDoubleFunction<AuditweaveMetrics> counter) {
        FunctionCounter.builder(name, Auditweave.class, ignored -> counter.applyAsDouble(Auditweave.metrics()))
                .description(description).register(registry);
    }

    private static void bindSink(MeterRegistry registry, String sink) {
        OUTCOMES.forEach((outcome, counter) -> FunctionCounter
                .builder("auditweave.events", sink, name -> read(name, counter))
                .tag("sink", sink).tag("outcome", outcome)
                .description("events per sink by outcome").register(registry));
        for (DropReason reason : EnumSet.complementOf(EnumSet.copyOf(BEFORE_ROUTING))) {
            FunctionCounter.builder("auditweave.events.dropped", sink,
                            name -> read(name, m -> m.droppedByReason().getOrDefault(reason, 0L)))
                    .tag("sink", sink).tag("reason", reason.name().toLowerCase(Locale.ROOT))
                    .description("events dropped per sink by reason").register(registry);
        }
        FunctionCounter.builder("auditweave.batches.retried", sink, name -> read(name, AuditweaveMetrics::retried))
                .tag("sink", sink).description("batch re-sends after a retryable failure").register(registry);
    }

    /** The counter of {@code sink}; NaN (which registries skip) when the running instance has no such sink. */
    private static double read(String sink, ToDoubleFunction<AuditweaveMetrics> counter) {
        try {
            return counter.applyAsDouble(Auditweave.metrics(sink));
        } catch (IllegalArgumentException noSuchSink) {
            return Double.NaN;
        }
    }
}
