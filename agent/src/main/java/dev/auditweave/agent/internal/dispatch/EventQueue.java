package dev.auditweave.agent.internal.dispatch;

import dev.auditweave.agent.internal.event.Event;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.jctools.queues.atomic.MpscChunkedAtomicArrayQueue;

/**
 * One sink's queue: many callers offer without blocking or locking, the worker alone drains. Bounded twice: by
 * count ({@code queue.capacity}) and by the estimated heap of the events in it ({@code queue.max-bytes},
 * {@link EventSize}); past either, an offer is refused, never a wait.
 *
 * <p>It holds memory only while needed: a linked chain of fixed chunks ({@value #CHUNK} slots each) that grows as
 * events arrive and whose drained chunks are garbage, so an idle queue holds one chunk, not its capacity. JCTools'
 * atomic variant: the same algorithm without {@code sun.misc.Unsafe}, which Java 24+ warns about on the
 * application's stderr.
 */
final class EventQueue {

    /** Slots per chunk: 4 KiB (compressed references) to 8 KiB of array while the queue is idle. */
    static final int CHUNK = 1024;

    private final MpscChunkedAtomicArrayQueue<Event> queue;
    private final long maxBytes;
    private final AtomicLong bytes = new AtomicLong();

    EventQueue(int capacity, long maxBytes) {
        int bounded = Math.max(4, capacity);
        this.queue = new MpscChunkedAtomicArrayQueue<>(Math.min(CHUNK, Math.max(2, bounded / 2)), bounded);
        this.maxBytes = maxBytes;
    }

    /** From any thread: {@code false} when the queue is full by count or by bytes. */
    boolean offer(Event event) {
        long size = EventSize.of(event);
        if (bytes.addAndGet(size) > maxBytes) {
            bytes.addAndGet(-size);
            return false;
        }
        if (!queue.offer(event)) {
            bytes.addAndGet(-size);
            return false;
        }
        return true;
    }

    /** Worker only: moves up to {@code max} events into {@code into}; returns how many. */
    int drain(List<Event> into, int max) {
        int before = into.size();
        int drained = queue.drain(into::add, max);
        long size = 0;
        for (int i = before; i < before + drained; i++) {
            size += EventSize.of(into.get(i));
        }
        if (size > 0) {
            bytes.addAndGet(-size);
        }
        return drained;
    }

    /**
     * Whoever alone takes from the queue now: moves everything in it into {@code into}, waiting for an event whose
     * offer has claimed its slot but not yet stored it (so that an offer that returned before this began is in).
     */
    void drainAll(List<Event> into) {
        long size = 0;
        Event event;
        while ((event = queue.poll()) != null) {
            into.add(event);
            size += EventSize.of(event);
        }
        if (size > 0) {
            bytes.addAndGet(-size);
        }
    }

    int size() {
        return queue.size();
    }

    boolean isEmpty() {
        return queue.isEmpty();
    }

    /** The estimated heap of the events queued now. */
    long bytes() {
        return bytes.get();
    }
}
