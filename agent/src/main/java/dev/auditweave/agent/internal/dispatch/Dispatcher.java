package dev.auditweave.agent.internal.dispatch;

import dev.auditweave.agent.internal.event.Event;
import dev.auditweave.agent.internal.metrics.Counters;
import dev.auditweave.agent.internal.metrics.Ledger;
import dev.auditweave.agent.internal.spool.Spool;
import dev.auditweave.agent.metrics.DropReason;
import dev.auditweave.agent.spi.Sink;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One sink's delivery, the face of its parts: callers only {@link #offer} (one non-blocking offer to the
 * {@link EventQueue}; a full queue drops rather than blocks), a private {@link Worker} thread batches by count and by
 * age, a {@link BatchSender} owns attempts, backoff and partial results, and with a spool
 * ({@code auditweave.spool.dir}) the {@link SpoolMode} sends what fails to disk and replays it. Every event's fate
 * is recorded once, in the sink's {@link Ledger}.
 *
 * <p>With a spool, a queue-full event goes to the spool's overflow ring (drained to disk by the spool's writer
 * thread, not by the caller); so does every new event while the spool has a backlog (to keep the order) or while
 * the current send has run longer than 100 ms (so that it reaches the disk instead of waiting in memory).
 *
 * <pre>{@code
 * Dispatcher abuse = new Dispatcher("abuse", httpSink, DeliveryPolicy.from(settings), new Ledger(counters.forSink()),
 *         TypeFilter.of(List.of("user.*")), null);
 * abuse.start();
 * abuse.offer(event);                         // never blocks
 * abuse.flush(Duration.ofSeconds(5));
 * abuse.beginShutdown(System.nanoTime() + TimeUnit.SECONDS.toNanos(5));
 * abuse.awaitShutdown();
 * }</pre>
 */
public final class Dispatcher {

    /** A send running longer than this diverts new events to the spool. */
    private static final long SLOW_SEND_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    /** What became of one offered event. */
    public enum Offer {
        /**
         * In the sink's queue (where one that arrives just after the worker ended is dropped, as
         * {@link DropReason#SHUTDOWN}: the ledger records which).
         */
        ENQUEUED,
        /** In the spool's overflow ring, on its way to disk (the queue was full, or the spool has a backlog). */
        SPILLED,
        /** The queue (and the overflow ring, if any) was full: dropped. */
        FULL,
        /** Shutdown had begun: dropped. */
        STOPPED
    }

    private final String name;
    private final Sink sink;
    private final DeliveryPolicy policy;
    private final Ledger ledger;
    private final TypeFilter filter;
    private final Spool spool;
    private final EventQueue queue;
    private final Custody custody;
    private final BatchSender sender;
    private final Worker worker;

    public Dispatcher(String name, Sink sink, DeliveryPolicy policy, Counters counters) {
        this(name, sink, policy, new Ledger(counters), TypeFilter.ALL, null);
    }

    /**
     * @param name   the sink's name: its thread ({@code auditweave-dispatch-<name>}), logs and metrics carry it
     * @param ledger this sink's ledger (over a {@link Counters#forSink()} child when there are several sinks)
     * @param filter the event types this sink receives; {@link Pipeline} routes by it
     * @param spool  where what cannot be delivered now goes, or {@code null} for no spool
     */
    public Dispatcher(String name, Sink sink, DeliveryPolicy policy, Ledger ledger, TypeFilter filter, Spool spool) {
        this(name, sink, policy, ledger, filter, spool, Ticker.SYSTEM, Sleeper.PARK);
    }

    Dispatcher(String name, Sink sink, DeliveryPolicy policy, Ledger ledger, TypeFilter filter, Spool spool,
               Ticker ticker, Sleeper sleeper) {
        this.name = Checks.notNull("name", name);
        this.sink = Checks.notNull("sink", sink);
        this.policy = Checks.notNull("policy", policy);
        this.ledger = Checks.notNull("ledger", ledger);
        this.filter = Checks.notNull("filter", filter);
        this.spool = spool;
        this.queue = new EventQueue(policy.queueCapacity(), policy.queueMaxBytes());
        this.custody = new Custody(queue, ledger);
        this.sender = new BatchSender(name, sink, policy, ledger, spool, ticker, sleeper);
        SpoolMode spoolMode = spool == null ? null : new SpoolMode(spool, name, policy, ticker);
        this.worker = new Worker(name, policy, queue, custody, sender, spoolMode, ticker);
    }

    public void start() {
        worker.start();
    }

    /** The sink's name, as configured. */
    public String name() {
        return name;
    }

    public Sink sink() {
        return sink;
    }

    /** This sink's counters. */
    public Counters counters() {
        return ledger.counters();
    }

    public TypeFilter filter() {
        return filter;
    }

    public DeliveryPolicy policy() {
        return policy;
    }

    /** The spool, or {@code null}. */
    public Spool spool() {
        return spool;
    }

    /** Enqueues (or spills to the spool) without blocking; {@code false} when the event was dropped. */
    public boolean offer(Event event) {
        Offer offer = offerOrSpill(event);
        return offer == Offer.ENQUEUED || offer == Offer.SPILLED;
    }

    /**
     * Enqueues without blocking, or spills to the spool's overflow ring (another non-blocking offer: the spool's
     * writer thread does the I/O), or drops; records which in the ledger.
     */
    public Offer offerOrSpill(Event event) {
        if (worker.stopping()) {
            ledger.dropped(DropReason.SHUTDOWN, event);
            return Offer.STOPPED;
        }
        return admit(event);
    }

    /**
     * {@link #offerOrSpill} past its shutdown check, which a caller may pass just before shutdown begins and then
     * reach the queue only after the worker ended: the queue then drops the event ({@link Custody#afterEnqueue}).
     */
    Offer admit(Event event) {
        if (spool != null && (worker.spoolFirst() || sender.sendRunningLongerThan(SLOW_SEND_NANOS))
                && spool.offerOverflow(event)) {
            ledger.spilled(event);
            return Offer.SPILLED;
        }
        if (queue.offer(event)) {
            ledger.enqueued(event);
            worker.enqueued();
            custody.afterEnqueue();
            return Offer.ENQUEUED;
        }
        if (spool != null && spool.offerOverflow(event)) {
            ledger.spilled(event);
            return Offer.SPILLED;
        }
        ledger.dropped(DropReason.QUEUE_FULL, event);
        return Offer.FULL;
    }

    /**
     * Sends what is queued now without waiting for the batch delay, and waits until it is delivered or
     * given up (with a spool: or on disk while the endpoint fails), at most {@code timeout}. Returns whether
     * that happened in time.
     */
    public boolean flush(Duration timeout) {
        return worker.flush(timeout);
    }

    /** Stops accepting, tells the worker to drain by {@code deadlineNanos} (a {@link System#nanoTime()} value). */
    public void beginShutdown(long deadlineNanos) {
        worker.beginShutdown(deadlineNanos);
    }

    /**
     * Waits for the worker until the deadline; what it could not deliver (or spool) in time, still queued or in
     * flight, is recorded as lost, and their number returned. With a spool, a worker still stuck in a send at the
     * send deadline is interrupted so that it can spool its batch, and the spool is closed (written and fsynced) by
     * the deadline.
     */
    public int awaitShutdown() {
        int left = 0;
        if (!worker.awaitEnd()) {
            List<Event> lost = custody.abandon();
            ledger.lost(lost);
            left = lost.size();
        }
        if (spool != null) {
            spool.close(worker.deadline());
        }
        return left;
    }

    /** Waits for the worker thread to end, at most {@code timeout}; whether it did. */
    boolean awaitWorker(Duration timeout) throws InterruptedException {
        return worker.join(timeout);
    }
}
