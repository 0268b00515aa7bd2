package dev.auditweave.agent.internal.spool;

import dev.auditweave.agent.internal.event.Event;
import dev.auditweave.agent.internal.log.Loggers;
import dev.auditweave.agent.internal.log.RateLimitedLogger;
import dev.auditweave.agent.internal.metrics.Ledger;
import dev.auditweave.agent.metrics.DropReason;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.jctools.queues.atomic.MpscChunkedAtomicArrayQueue;
import org.slf4j.Logger;

/**
 * The spool's writer thread ({@code auditweave-spool-<sink>}) and its two ways in, neither of which does I/O: the
 * overflow ring that application threads offer to, and the inbox of batches the dispatch worker hands over. Each
 * pass writes what it drained with one positional write at the active segment's end; it fsyncs at most every
 * {@code fsync-interval} (group commit) and records the events as {@code spooled} once fsynced. It never calls
 * anything outside the spool.
 */
final class SegmentWriter {

    private static final Logger LOG = Loggers.get(SegmentWriter.class);
    private static final RateLimitedLogger WARN = new RateLimitedLogger(LOG, 60);
    /** The overflow ring grows in chunks of this many events and gives them back once drained. */
    private static final int RING_CHUNK = 1024;

    private final SpoolDirectory directory;
    private final long maxBytes;
    private final long segmentBytes;
    private final long fsyncIntervalNanos;
    private final Ledger ledger;
    private final MpscChunkedAtomicArrayQueue<Event> overflow;
    private final int overflowWakeThreshold;
    private final Queue<List<Event>> inbox = new ConcurrentLinkedQueue<>();
    private final AtomicLong inboxEvents = new AtomicLong();
    private final Thread thread;

    private volatile Position published;
    private volatile boolean busy;
    private volatile boolean parked;
    private volatile boolean closing;
    /** Set as the thread ends: nobody takes from the ring or the inbox any more. */
    private volatile boolean finished;
    /**
     * Set when {@link #close} gave up waiting for a writer still busy: it takes no more from the ring or the inbox, and
     * what is left there is dropped for shutdown; the batch it is writing keeps the fate the writer gives it.
     */
    private volatile boolean abandoned;
    /** Held by whoever takes from the ring or the inbox, so that each single-consumer queue has one at a time. */
    private final Object leftoverLock = new Object();
    /**
     * Events the writer took and has not given a fate yet, those written but not synced included: what {@link #close}
     * names when it abandons the writer.
     */
    private final AtomicInteger held = new AtomicInteger();

    // Writer thread only.
    private FileChannel active;
    private long activeOffset;
    private final List<Event> buffered = new ArrayList<>();
    private final List<Event> unsynced = new ArrayList<>();
    private long lastSync = System.nanoTime();
    private ByteBuffer buffer = ByteBuffer.allocate(64 << 10);

    SegmentWriter(SpoolDirectory directory, Position start, long maxBytes, long segmentBytes, Duration fsyncInterval,
                  int overflowCapacity, Ledger ledger) {
        this.directory = directory;
        this.published = start;
        this.maxBytes = maxBytes;
        this.segmentBytes = segmentBytes;
        this.fsyncIntervalNanos = fsyncInterval.toNanos();
        this.ledger = ledger;
        int capacity = Math.max(4, overflowCapacity);
        this.overflow = new MpscChunkedAtomicArrayQueue<>(Math.min(RING_CHUNK, Math.max(2, capacity / 4)), capacity);
        this.overflowWakeThreshold = Math.max(1, capacity / 4);
        this.thread = new Thread(this::loopThenFinish, "auditweave-spool-" + directory.sink());
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Where the written records end: the reader reads up to here. */
    Position published() {
        return published;
    }

    /** One non-blocking offer from an application thread; {@code false} when the ring is full or closing. */
    boolean offerOverflow(Event event) {
        return !closing && ring(event);
    }

    /**
     * {@link #offerOverflow} past its closing check, which a caller may pass just before {@link #close} and then
     * reach the ring only after the thread ended: the event is then dropped here ({@link #dropLeftovers}).
     */
    boolean ring(Event event) {
        if (!overflow.offer(event)) {
            return false;
        }
        if (finished || abandoned) {
            dropLeftovers();
        }
        if (parked && overflow.size() >= overflowWakeThreshold) {
            LockSupport.unpark(thread);
        }
        return true;
    }

    /**
     * From the dispatch worker: these events go to disk behind everything already handed over. {@code false} when
     * the writer has stopped (the caller keeps them).
     */
    boolean append(List<Event> events) {
        if (closing && !thread.isAlive()) {
            return false;
        }
        handOver(events);
        return true;
    }

    /** {@link #append} past its check, which the worker may pass while the thread is just ending. */
    void handOver(List<Event> events) {
        inboxEvents.addAndGet(events.size());
        inbox.add(List.copyOf(events));
        if (finished || abandoned) {
            dropLeftovers();
        }
        LockSupport.unpark(thread);
    }

    long pendingEvents() {
        return inboxEvents.get() + overflow.size();
    }

    /** Whether anything handed over is not yet written. */
    boolean hasPending() {
        return busy || inboxEvents.get() > 0 || !overflow.isEmpty();
    }

    boolean alive() {
        return thread.isAlive();
    }

    /** How many events the writer took and has not given a fate yet. */
    int held() {
        return held.get();
    }

    /**
     * Lets the writer write and fsync what it holds, waiting for it until {@code deadlineNanos}; returns whether it
     * finished. When it did not, what it had not taken yet (the ring, the inbox) is dropped now, with its events
     * ({@link DropReason#SHUTDOWN}); the events it holds ({@link #held}, named by the warning) keep the fate the writer
     * gives them, if the JVM lives long enough.
     */
    boolean close(long deadlineNanos) {
        closing = true;
        LockSupport.unpark(thread);
        try {
            long remaining = deadlineNanos - System.nanoTime();
            thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(remaining)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            abandoned = true;
            dropLeftovers();
            LOG.warn("auditweave: spool writer of {} did not finish by the shutdown deadline; the {} events it holds"
                    + " get their fate only if the JVM outlives it (what reached the spool is replayed at the next"
                    + " start)", directory.sink(), held.get());
            return false;
        }
        return true;
    }

    // ---------------------------------------------------------------- the thread

    private void loopThenFinish() {
        try {
            loop();
        } finally {
            finished = true;
            dropLeftovers();
        }
    }

    /**
     * Once the thread has ended (or {@link #close} abandoned it), what a caller (or the worker) handed over after its
     * last look (having seen it open just before it closed) is written by nobody: dropped
     * ({@link DropReason#SHUTDOWN}), by the thread as it ends, by {@code close}, or by the one who handed it over,
     * whichever looks last.
     */
    private void dropLeftovers() {
        List<Event> left = new ArrayList<>();
        synchronized (leftoverLock) {
            List<Event> handed;
            while ((handed = inbox.poll()) != null) {
                left.addAll(handed);
                inboxEvents.addAndGet(-handed.size());
            }
            Event event;
            while ((event = overflow.poll()) != null) {
                left.add(event);
            }
        }
        if (!left.isEmpty()) {
            ledger.dropped(DropReason.SHUTDOWN, left);
        }
    }

    private void loop() {
        while (true) {
            boolean finishing = closing;
            if (!overflow.isEmpty() || !inbox.isEmpty()) {
                busy = true;
                try {
                    pass();
                } catch (RuntimeException e) {
                    WARN.warn("writer|" + directory.sink(), "auditweave: spool writer of {} failed: {}",
                            directory.sink(), e.toString());
                } finally {
                    busy = false;
                }
            }
            if (!unsynced.isEmpty() && (finishing || System.nanoTime() - lastSync >= fsyncIntervalNanos)) {
                sync();
            }
            if (finishing && overflow.isEmpty() && inbox.isEmpty() && unsynced.isEmpty()) {
                SpoolDirectory.closeQuietly(active);
                return;
            }
            long park = !unsynced.isEmpty()
                    ? Math.max(1, fsyncIntervalNanos - (System.nanoTime() - lastSync)) : fsyncIntervalNanos;
            parked = true;
            if (overflow.size() < overflowWakeThreshold && inbox.isEmpty() && !closing) {
                LockSupport.parkNanos(this, park);
            }
            parked = false;
        }
    }

    private void pass() {
        List<Event> events = new ArrayList<>();
        int fromInbox = take(events);
        if (fromInbox < 0) {
            dropLeftovers();
            return;
        }
        buffer.clear();
        for (Event event : events) {
            byte[] payload;
            try {
                payload = EventCodec.encode(event);
            } catch (RuntimeException e) {
                dropHeld(DropReason.SPOOL_ERROR, event);
                continue;
            }
            int recordBytes = RecordFormat.recordBytes(payload.length);
            if (directory.bytes() + buffer.position() + recordBytes > maxBytes) {
                dropHeld(DropReason.SPOOL_FULL, event);
                WARN.warn("full|" + directory.sink(), "auditweave: spool {} is full ({} bytes,"
                        + " auditweave.spool.max-bytes); events are dropped and counted", directory.path(),
                        directory.bytes());
                continue;
            }
            if (activeOffset + buffer.position() + recordBytes > segmentBytes && activeOffset + buffer.position() > 0) {
                flushBuffer();
                roll();
            }
            if (buffer.remaining() < recordBytes) {
                flushBuffer();
                if (buffer.capacity() < recordBytes) {
                    buffer = ByteBuffer.allocate(recordBytes);
                }
            }
            RecordFormat.write(buffer, payload);
            buffered.add(event);
        }
        flushBuffer();
        inboxEvents.addAndGet(-fromInbox);
    }

    /**
     * What one pass writes, the worker's batches first (they are older than what callers put in the ring meanwhile);
     * returns how many came from the inbox, or {@code -1}, taking nothing, once {@link #close} abandoned the writer.
     */
    private int take(List<Event> events) {
        synchronized (leftoverLock) {
            if (abandoned) {
                return -1;
            }
            int fromInbox = 0;
            List<Event> handed;
            while ((handed = inbox.poll()) != null) {
                events.addAll(handed);
                fromInbox += handed.size();
            }
            overflow.drain(events::add);
            held.addAndGet(events.size());
            return fromInbox;
        }
    }

    /** The writer's own fate for {@code event}, which it took: recorded, and no longer held. */
    private void dropHeld(DropReason reason, Event event) {
        ledger.dropped(reason, event);
        held.decrementAndGet();
    }

    /** The writer's own fate for {@code events}, which it took: recorded, and no longer held. */
    private void dropHeld(DropReason reason, List<Event> events) {
        ledger.dropped(reason, events);
        held.addAndGet(-events.size());
    }

    /** Writes the buffered records at the active segment's end. */
    private void flushBuffer() {
        if (buffer.position() == 0) {
            return;
        }
        buffer.flip();
        int bytes = buffer.remaining();
        try {
            if (active == null) {
                openActive();
            }
            long at = activeOffset;
            while (buffer.hasRemaining()) {
                at += active.write(buffer, at);
            }
            activeOffset = at;
            directory.added(bytes);
            unsynced.addAll(buffered);
            published = new Position(published.seq(), activeOffset);
        } catch (IOException e) {
            dropHeld(DropReason.SPOOL_ERROR, buffered);
            WARN.warn("write|" + directory.sink(), "auditweave: cannot write {} events to spool {}: {}; they are"
                    + " dropped and counted", buffered.size(), directory.path(), e.toString());
            // Cut off what a partial write may have left, so that the next record starts where this one did.
            try {
                active.truncate(activeOffset);
            } catch (IOException | RuntimeException ignored) {
                SpoolDirectory.closeQuietly(active);
                active = null;
                published = new Position(published.seq() + 1, 0);
                activeOffset = 0;
            }
        } finally {
            buffer.clear();
            buffered.clear();
        }
    }

    private void openActive() throws IOException {
        active = SpoolDirectory.open(directory.segment(published.seq()), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        activeOffset = active.size();
        if (activeOffset != published.offset()) {
            activeOffset = published.offset();
            active.truncate(activeOffset);
        }
    }

    private void roll() {
        sync();
        SpoolDirectory.closeQuietly(active);
        active = null;
        activeOffset = 0;
        published = new Position(published.seq() + 1, 0);
    }

    private void sync() {
        if (active != null) {
            try {
                active.force(false);
            } catch (IOException e) {
                WARN.warn("fsync|" + directory.sink(), "auditweave: fsync of spool {} failed: {}", directory.path(),
                        e.toString());
            }
        }
        if (!unsynced.isEmpty()) {
            ledger.spooled(unsynced);
            held.addAndGet(-unsynced.size());
            unsynced.clear();
        }
        lastSync = System.nanoTime();
    }
}
