package dev.auditweave.agent.internal.dispatch;

import dev.auditweave.agent.internal.event.Event;
import dev.auditweave.agent.internal.metrics.Ledger;
import dev.auditweave.agent.metrics.DropReason;
import java.util.ArrayList;
import java.util.List;

/**
 * Who answers for the events the worker took out of the queue: the worker, until shutdown gives up on it at the
 * deadline; from then on the shutdown thread, which records them as lost, so that the worker's late outcome is
 * recorded by nobody. Taken by the worker and the shutdown thread; a caller only looks, after its offer, whether the
 * queue was closed meanwhile ({@link #afterEnqueue}).
 *
 * <p>The worker drains the queue only through {@link #drain}, under the same lock as {@link #abandon}, so that no
 * event is between the queue and the worker's hands when shutdown counts what is left.
 *
 * <p>A caller that passed the dispatcher's shutdown check just before shutdown began may still put its event in the
 * queue after the worker took its last batch. Once the worker has ended ({@link #close}) or been given up, nobody
 * takes from the queue again, so such an event is dropped ({@link DropReason#SHUTDOWN}) by whichever of the two sees
 * it last: the closing worker, or the caller in {@link #afterEnqueue}, which looks after its offer.
 */
final class Custody {

    private final EventQueue queue;
    private final Ledger ledger;
    private List<Event> inFlight = List.of();
    private boolean abandoned;
    /** Set once nobody takes from the queue any more: the worker ended, or shutdown gave up on it. */
    private volatile boolean closed;

    Custody(EventQueue queue, Ledger ledger) {
        this.queue = queue;
        this.ledger = ledger;
    }

    /**
     * Worker: moves up to {@code max} events from the queue into {@code batch}, which becomes the batch in flight;
     * {@code false} (nothing moved) once shutdown has abandoned the worker.
     */
    synchronized boolean drain(List<Event> batch, int max) {
        if (abandoned) {
            return false;
        }
        queue.drain(batch, max);
        inFlight = batch;
        return true;
    }

    /** Worker: {@code batch} is in flight again (a retry). {@code false} once abandoned. */
    synchronized boolean hold(List<Event> batch) {
        if (abandoned) {
            return false;
        }
        inFlight = batch;
        return true;
    }

    /**
     * Worker: takes the batch in flight back to record its outcome (or hand it to the spool); {@code false} when
     * shutdown already recorded it as lost.
     */
    synchronized boolean claim() {
        if (abandoned) {
            return false;
        }
        inFlight = List.of();
        return true;
    }

    synchronized boolean abandoned() {
        return abandoned;
    }

    /** Shutdown: gives up on the worker; returns the events it held and those still queued, for the ledger. */
    synchronized List<Event> abandon() {
        abandoned = true;
        closed = true;
        List<Event> left = new ArrayList<>(inFlight);
        inFlight = List.of();
        queue.drainAll(left);
        return left;
    }

    /** Worker, as it ends: nobody takes from the queue from now on; what a late caller put there is dropped. */
    void close() {
        closed = true;
        dropLeftovers();
    }

    /**
     * Caller, after its event reached the queue: when the queue was closed meanwhile, drops what is in it, the
     * caller's event among them (the closing worker may have dropped it already).
     */
    void afterEnqueue() {
        if (closed) {
            dropLeftovers();
        }
    }

    private void dropLeftovers() {
        List<Event> left = new ArrayList<>();
        synchronized (this) {
            queue.drainAll(left);
        }
        if (!left.isEmpty()) {
            ledger.dropped(DropReason.SHUTDOWN, left);
        }
    }
}
