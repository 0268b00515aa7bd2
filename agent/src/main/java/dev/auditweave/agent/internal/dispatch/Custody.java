package dev.auditweave.agent.internal.dispatch;

import dev.auditweave.agent.internal.event.Event;
import java.util.ArrayList;
import java.util.List;

/**
 * Who answers for the events the worker took out of the queue: the worker, until shutdown gives up on it at the
 * deadline; from then on the shutdown thread, which records them as lost, so that the worker's late outcome is
 * recorded by nobody. Taken only by the worker and the shutdown thread, never by a caller.
 *
 * <p>The worker drains the queue only through {@link #drain}, under the same lock as {@link #abandon}, so that no
 * event is between the queue and the worker's hands when shutdown counts what is left.
 */
final class Custody {

    private final EventQueue queue;
    private List<Event> inFlight = List.of();
    private boolean abandoned;

    Custody(EventQueue queue) {
        this.queue = queue;
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
        List<Event> left = new ArrayList<>(inFlight);
        inFlight = List.of();
        while (queue.drain(left, Integer.MAX_VALUE) > 0) {
            // Until the queue is empty: no caller offers once shutdown has begun.
        }
        return left;
    }
}
