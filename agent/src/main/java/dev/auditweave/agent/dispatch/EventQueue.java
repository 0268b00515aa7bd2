package dev.auditweave.agent.dispatch;

import dev.auditweave.agent.event.Event;
import java.util.List;
import org.jctools.queues.atomic.MpscAtomicArrayQueue;

/**
 * One sink's queue: many callers offer without blocking or locking, the worker alone drains. Full means refused,
 * never a wait. JCTools' atomic variant: the same algorithm without {@code sun.misc.Unsafe}, which Java 24+ warns
 * about on the application's stderr.
 */
final class EventQueue {

    private final MpscAtomicArrayQueue<Event> queue;

    EventQueue(int capacity) {
        this.queue = new MpscAtomicArrayQueue<>(capacity);
    }

    /** From any thread: {@code false} when full. */
    boolean offer(Event event) {
        return queue.offer(event);
    }

    /** Worker only: moves up to {@code max} events into {@code into}; returns how many. */
    int drain(List<Event> into, int max) {
        return queue.drain(into::add, max);
    }

    int size() {
        return queue.size();
    }

    boolean isEmpty() {
        return queue.isEmpty();
    }
}
