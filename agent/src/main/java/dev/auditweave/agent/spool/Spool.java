package dev.auditweave.agent.spool;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.auditweave.agent.event.Event;
import dev.auditweave.agent.log.Loggers;
import dev.auditweave.agent.log.RateLimitedLogger;
import dev.auditweave.agent.metrics.Counters;
import dev.auditweave.agent.metrics.DropReason;
import dev.auditweave.agent.sink.EventJson;
import dev.auditweave.agent.sink.SendResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.jctools.queues.atomic.MpscAtomicArrayQueue;
import org.slf4j.Logger;

/**
 * One sink's disk spool in {@code <spool.dir>/<sink>/}: append-only segment files of checksummed records
 * ({@link RecordFormat}), a {@code cursor} file (how far replay got), a {@code lock} file and
 * {@code dead-letter.jsonl}.
 *
 * <p><b>Threads.</b> Only the spool's own writer thread ({@code auditweave-spool-<sink>}) writes segments and
 * fsyncs. Two ways in, neither of which does I/O: the application's threads {@link #offerOverflow} an event
 * their sink's full queue refused (a bounded lock-free ring; full = the caller drops and counts), and the
 * dispatch worker {@link #append}s batches it could not deliver. The dispatch worker alone reads back
 * ({@link #read}, {@link #ack}, {@link #rewind}) and writes dead letters.
 *
 * <p><b>Durability.</b> The writer writes what it drained in one positional write per pass and fsyncs
 * ({@code force(false)}) at most every {@code fsync-interval} (group commit); an event counts as
 * {@code spooled} once fsynced. A crash (power loss, {@code kill -9} of a JVM whose page cache survives even
 * less) can lose at most what was handed to the spool within the last two fsync intervals.
 *
 * <p><b>Recovery.</b> Each start writes a new segment and never appends to an old one, so a torn tail stays at
 * the end of a sealed segment: the reader detects it by checksum, counts it ({@link #corruptRegions()},
 * {@link DropReason#SPOOL_ERROR}), skips to the next valid record (found by its magic and checksum) or the
 * segment's end, and goes on. Reading only moves forward: it cannot loop.
 */
public final class Spool implements AutoCloseable {

    private static final Logger LOG = Loggers.get(Spool.class);
    private static final RateLimitedLogger WARN = new RateLimitedLogger(LOG, 60);
    private static final JsonFactory JSON = new JsonFactory();
    private static final String SEGMENT_PREFIX = "segment-";
    private static final String SEGMENT_SUFFIX = ".spool";
    private static final int READ_WINDOW = 1 << 20;

    private final String sink;
    private final Path directory;
    private final long maxBytes;
    private final long segmentBytes;
    private final long fsyncIntervalNanos;
    private final Counters counters;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final MpscAtomicArrayQueue<Event> overflow;
    private final int overflowWakeThreshold;
    private final Queue<List<Event>> inbox = new ConcurrentLinkedQueue<>();
    private final AtomicLong inboxEvents = new AtomicLong();
    private final AtomicLong totalBytes = new AtomicLong();
    private final AtomicLong corruptRegions = new AtomicLong();
    private final AtomicLong corruptBytes = new AtomicLong();
    private final AtomicLong peakBytes = new AtomicLong();
    private final Thread writer;

    private volatile Position published;
    private volatile boolean writerBusy;
    private volatile boolean writerParked;
    private volatile boolean closing;
    private volatile Runnable tick = () -> { };

    // Writer thread only.
    private FileChannel active;
    private long activeOffset;
    private int unsynced;
    private long lastSync = System.nanoTime();
    private ByteBuffer buffer = ByteBuffer.allocate(64 << 10);

    // Reader (dispatch worker) only.
    private volatile Position committed;
    private Position tentative;
    private Position corruptionCountedTo;
    private FileChannel deadLetters;

    private Spool(String sink, Path directory, long maxBytes, long segmentBytes, Duration fsyncInterval,
                  int overflowCapacity, Counters counters, FileChannel lockChannel, FileLock lock) throws IOException {
        this.sink = sink;
        this.directory = directory;
        this.maxBytes = maxBytes;
        this.segmentBytes = segmentBytes;
        this.fsyncIntervalNanos = fsyncInterval.toNanos();
        this.counters = counters;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.overflow = new MpscAtomicArrayQueue<>(Math.max(2, overflowCapacity));
        this.overflowWakeThreshold = Math.max(1, overflowCapacity / 4);
        recover();
        this.writer = new Thread(this::writeLoop, "auditweave-spool-" + sink);
        writer.setDaemon(true);
        writer.start();
    }

    /**
     * Opens (creating it if needed) the spool of {@code sink} under {@code root}, or returns {@code null} with one
     * warning when it cannot be used: the directory cannot be created, or another live JVM holds its lock.
     *
     * @param overflowCapacity how many queue-full events the overflow ring holds until the writer drains it
     */
    public static Spool open(Path root, String sink, long maxBytes, Duration fsyncInterval, int overflowCapacity,
                             Counters counters) {
        long segmentBytes = Math.max(64 << 10, Math.min(16L << 20, maxBytes / 16));
        return open(root, sink, maxBytes, segmentBytes, fsyncInterval, overflowCapacity, counters);
    }

    static Spool open(Path root, String sink, long maxBytes, long segmentBytes, Duration fsyncInterval,
                      int overflowCapacity, Counters counters) {
        Path directory = root.resolve(sink);
        FileChannel lockChannel = null;
        try {
            Files.createDirectories(directory);
            lockChannel = FileChannel.open(directory.resolve("lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = lockChannel.tryLock();
            } catch (OverlappingFileLockException sameJvm) {
                lock = null;
            }
            if (lock == null) {
                LOG.warn("auditweave: spool {} is locked by another live process; sink {} runs without a spool"
                        + " in this JVM (undeliverable events are dropped and counted)", directory, sink);
                lockChannel.close();
                return null;
            }
            return new Spool(sink, directory, maxBytes, segmentBytes, fsyncInterval, overflowCapacity, counters,
                    lockChannel, lock);
        } catch (IOException | RuntimeException e) {
            LOG.warn("auditweave: cannot use spool directory {} for sink {}: {}; it runs without a spool",
                    directory, sink, e.toString());
            if (lockChannel != null) {
                try {
                    lockChannel.close();
                } catch (IOException ignored) {
                    // Nothing more to do.
                }
            }
            return null;
        }
    }

    public Path directory() {
        return directory;
    }

    // ---------------------------------------------------------------- the two ways in (no I/O)

    /**
     * From an application thread whose sink queue was full: one non-blocking offer to the overflow ring, which
     * the writer thread drains to disk. {@code false} when the ring is full too (the caller counts the drop).
     */
    public boolean offerOverflow(Event event) {
        if (closing || !overflow.offer(event)) {
            return false;
        }
        if (writerParked && overflow.size() >= overflowWakeThreshold) {
            LockSupport.unpark(writer);
        }
        return true;
    }

    /** From the dispatch worker: these events go to disk behind everything already spooled. Never blocks long. */
    public void append(List<Event> events) {
        if (events.isEmpty()) {
            return;
        }
        if (closing && !writer.isAlive()) {
            counters.dropped(DropReason.SHUTDOWN, events.size());
            return;
        }
        inboxEvents.addAndGet(events.size());
        inbox.add(List.copyOf(events));
        LockSupport.unpark(writer);
    }

    /**
     * Runs {@code action} on the writer thread at each of its passes (at least every fsync interval): the
     * dispatcher uses it to notice a send that takes too long without any thread of its own.
     */
    public void onWriterTick(Runnable action) {
        this.tick = action;
    }

    /** Whether the writer thread still runs (it stops only after {@link #close}). */
    public boolean writerAlive() {
        return writer.isAlive();
    }

    /** Events handed to the writer and not yet written: the dispatch worker stops handing more above a limit. */
    public long pendingEvents() {
        return inboxEvents.get() + overflow.size();
    }

    /**
     * Whether anything is spooled or on its way to the spool and not yet acknowledged: while so, new events go
     * behind it (to disk) so that the spool replays in order.
     */
    public boolean hasBacklog() {
        return writerBusy || inboxEvents.get() > 0 || !overflow.isEmpty() || committed.compareTo(published) < 0;
    }

    // ---------------------------------------------------------------- reading back (dispatch worker only)

    /**
     * Up to {@code max} events after the last acknowledged one, oldest first. Call {@link #ack} once they are
     * delivered (or dead-lettered), {@link #rewind} to read them again after a failed send. Corrupt or torn
     * records on the way are skipped and counted once.
     */
    public List<Event> read(int max) {
        List<Event> events = new ArrayList<>(Math.min(max, 1024));
        Position position = tentative;
        try {
            while (events.size() < max) {
                Position end = published;
                boolean sealed = position.seq < end.seq;
                Path file = segment(position.seq);
                long limit = sealed ? sizeOrZero(file) : end.offset;
                if (position.offset >= limit) {
                    if (!sealed) {
                        break;
                    }
                    position = new Position(nextSegmentAfter(position.seq, end.seq), 0);
                    continue;
                }
                position = readRecords(file, position, limit, sealed, max, events);
            }
        } catch (IOException e) {
            WARN.warn("read|" + sink, "auditweave: reading spool {} failed: {}", directory, e.toString());
        }
        tentative = position;
        if (events.isEmpty() && tentative.compareTo(committed) > 0) {
            ack();
        }
        return events;
    }

    /** The events last {@link #read} were delivered or dead-lettered: never read them again. */
    public void ack() {
        Position done = tentative;
        if (done.compareTo(committed) <= 0) {
            return;
        }
        committed = done;
        writeCursor(done);
        deleteSegmentsBefore(done.seq);
    }

    /** Reads again from the last acknowledged event (after a failed send). */
    public void rewind() {
        tentative = committed;
    }

    /** Appends each poison event and its reason to {@code dead-letter.jsonl}; returns how many were written. */
    public int deadLetter(List<SendResult.Poison> poisoned) {
        if (poisoned.isEmpty()) {
            return 0;
        }
        try {
            if (deadLetters == null) {
                deadLetters = FileChannel.open(directory.resolve("dead-letter.jsonl"), StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            }
            ByteArrayOutputStream lines = new ByteArrayOutputStream();
            for (SendResult.Poison poison : poisoned) {
                try (JsonGenerator json = JSON.createGenerator(lines)) {
                    json.writeStartObject();
                    json.writeStringField("reason", poison.reason());
                    json.writeFieldName("event");
                    json.writeRawValue(EventJson.event(poison.event()));
                    json.writeEndObject();
                }
                lines.write('\n');
            }
            ByteBuffer bytes = ByteBuffer.wrap(lines.toByteArray());
            while (bytes.hasRemaining()) {
                deadLetters.write(bytes);
            }
            deadLetters.force(false);
            return poisoned.size();
        } catch (IOException | UncheckedIOException e) {
            WARN.warn("dead-letter|" + sink, "auditweave: cannot write {} dead letters to {}: {}", poisoned.size(),
                    directory, e.toString());
            return 0;
        }
    }

    // ---------------------------------------------------------------- figures

    /** Bytes of segment files on disk now. */
    public long bytes() {
        return totalBytes.get();
    }

    /** The most bytes the spool held since it was opened. */
    public long peakBytes() {
        return peakBytes.get();
    }

    /** Corrupt or torn stretches skipped while reading back. */
    public long corruptRegions() {
        return corruptRegions.get();
    }

    public long corruptBytes() {
        return corruptBytes.get();
    }

    /**
     * Lets the writer write and fsync what it holds, waits for it until {@code deadlineNanos} (a
     * {@link System#nanoTime()} value), then releases the lock. Events still in the overflow ring or the inbox
     * at the deadline are counted as dropped ({@link DropReason#SHUTDOWN}).
     */
    public void close(long deadlineNanos) {
        closing = true;
        LockSupport.unpark(writer);
        try {
            long remaining = deadlineNanos - System.nanoTime();
            writer.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(remaining)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (writer.isAlive()) {
            long left = pendingEvents();
            if (left > 0) {
                counters.dropped(DropReason.SHUTDOWN, (int) left);
            }
            LOG.warn("auditweave: spool writer of {} did not finish by the shutdown deadline", sink);
            return; // The writer still owns the files; the lock goes with the process.
        }
        closeQuietly(deadLetters);
        try {
            lock.release();
        } catch (IOException ignored) {
            // The lock goes with the channel anyway.
        }
        closeQuietly(lockChannel);
    }

    @Override
    public void close() {
        close(System.nanoTime() + TimeUnit.SECONDS.toNanos(5));
    }

    // ---------------------------------------------------------------- writer thread

    private void writeLoop() {
        while (true) {
            boolean finishing = closing;
            try {
                tick.run();
            } catch (RuntimeException e) {
                WARN.warn("tick|" + sink, "auditweave: spool writer tick of {} failed: {}", sink, e.toString());
            }
            if (!overflow.isEmpty() || !inbox.isEmpty()) {
                writerBusy = true;
                try {
                    writePass();
                } catch (RuntimeException e) {
                    WARN.warn("writer|" + sink, "auditweave: spool writer of {} failed: {}", sink, e.toString());
                } finally {
                    writerBusy = false;
                }
            }
            long sinceSync = System.nanoTime() - lastSync;
            if (unsynced > 0 && (finishing || sinceSync >= fsyncIntervalNanos)) {
                sync();
            }
            if (finishing && overflow.isEmpty() && inbox.isEmpty() && unsynced == 0) {
                closeQuietly(active);
                return;
            }
            long park = unsynced > 0 ? Math.max(1, fsyncIntervalNanos - (System.nanoTime() - lastSync))
                    : fsyncIntervalNanos;
            writerParked = true;
            if (overflow.size() < overflowWakeThreshold && inbox.isEmpty() && !closing) {
                LockSupport.parkNanos(this, park);
            }
            writerParked = false;
        }
    }

    private void writePass() {
        // The worker's batches first: they are older than what callers put in the ring meanwhile.
        List<Event> events = new ArrayList<>();
        int fromInbox = 0;
        List<Event> handed;
        while ((handed = inbox.poll()) != null) {
            events.addAll(handed);
            fromInbox += handed.size();
        }
        overflow.drain(events::add);
        int inPending = 0;
        buffer.clear();
        for (Event event : events) {
            byte[] payload;
            try {
                payload = EventCodec.encode(event);
            } catch (RuntimeException e) {
                counters.dropped(DropReason.SPOOL_ERROR, 1);
                continue;
            }
            int recordBytes = RecordFormat.recordBytes(payload.length);
            if (totalBytes.get() + buffer.position() + recordBytes > maxBytes) {
                counters.dropped(DropReason.SPOOL_FULL, 1);
                WARN.warn("full|" + sink, "auditweave: spool {} is full ({} bytes, auditweave.spool.max-bytes);"
                        + " events are dropped and counted", directory, totalBytes.get());
                continue;
            }
            if (activeOffset + buffer.position() + recordBytes > segmentBytes && activeOffset + buffer.position() > 0) {
                inPending = flushBuffer(inPending);
                roll();
            }
            if (buffer.remaining() < recordBytes) {
                inPending = flushBuffer(inPending);
                if (buffer.capacity() < recordBytes) {
                    buffer = ByteBuffer.allocate(recordBytes);
                }
            }
            RecordFormat.write(buffer, payload);
            inPending++;
        }
        flushBuffer(inPending);
        inboxEvents.addAndGet(-fromInbox);
    }

    /** Writes the buffered records at the active segment's end; returns 0 (the new count of buffered events). */
    private int flushBuffer(int events) {
        if (buffer.position() == 0) {
            return 0;
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
            long total = totalBytes.addAndGet(bytes);
            peakBytes.accumulateAndGet(total, Math::max);
            unsynced += events;
            published = new Position(published.seq, activeOffset);
        } catch (IOException e) {
            counters.dropped(DropReason.SPOOL_ERROR, events);
            WARN.warn("write|" + sink, "auditweave: cannot write {} events to spool {}: {}; they are dropped and"
                    + " counted", events, directory, e.toString());
            // Cut off what a partial write may have left, so that the next record starts where this one did.
            try {
                active.truncate(activeOffset);
            } catch (IOException | RuntimeException ignored) {
                closeQuietly(active);
                active = null;
                published = new Position(published.seq + 1, 0);
                activeOffset = 0;
            }
        } finally {
            buffer.clear();
        }
        return 0;
    }

    private void openActive() throws IOException {
        active = FileChannel.open(segment(published.seq), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        activeOffset = active.size();
        if (activeOffset != published.offset) {
            activeOffset = published.offset;
            active.truncate(activeOffset);
        }
    }

    private void roll() {
        sync();
        closeQuietly(active);
        active = null;
        activeOffset = 0;
        published = new Position(published.seq + 1, 0);
    }

    private void sync() {
        if (active != null) {
            try {
                active.force(false);
            } catch (IOException e) {
                WARN.warn("fsync|" + sink, "auditweave: fsync of spool {} failed: {}", directory, e.toString());
            }
        }
        if (unsynced > 0) {
            counters.spooled(unsynced);
            unsynced = 0;
        }
        lastSync = System.nanoTime();
    }

    // ---------------------------------------------------------------- start-up and files

    private void recover() throws IOException {
        TreeMap<Long, Path> segments = segments();
        Position cursor = readCursor();
        long total = 0;
        for (var entry : segments.entrySet()) {
            if (cursor != null && entry.getKey() < cursor.seq) {
                Files.deleteIfExists(entry.getValue());
            } else {
                total += sizeOrZero(entry.getValue());
            }
        }
        totalBytes.set(total);
        peakBytes.set(total);
        long activeSeq = (segments.isEmpty() ? 0 : segments.lastKey()) + 1;
        Position start;
        if (cursor != null && segments.containsKey(cursor.seq)) {
            start = cursor;
        } else {
            Long first = segments.isEmpty() ? null : cursor == null ? segments.firstKey()
                    : segments.ceilingKey(cursor.seq);
            start = new Position(first == null ? activeSeq : first, 0);
        }
        committed = start;
        tentative = start;
        corruptionCountedTo = start;
        published = new Position(activeSeq, 0);
        if (start.compareTo(published) < 0) {
            LOG.info("auditweave: spool {} holds {} bytes from an earlier run; replaying them", directory, total);
        }
    }

    private Position readRecords(Path file, Position from, long limit, boolean sealed, int max, List<Event> out)
            throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long offset = from.offset;
            int window = (int) Math.min(limit - offset, READ_WINDOW);
            byte[] bytes = read(channel, offset, window);
            int i = 0;
            while (i < bytes.length && out.size() < max) {
                int length = RecordFormat.validAt(bytes, i, bytes.length);
                if (length >= 0) {
                    try {
                        out.add(EventCodec.decode(bytes, i + RecordFormat.HEADER_BYTES, length));
                    } catch (IOException unreadable) {
                        corrupt(new Position(from.seq, offset + i), RecordFormat.recordBytes(length), sealed);
                    }
                    i += RecordFormat.recordBytes(length);
                    continue;
                }
                if (offset + bytes.length < limit) {
                    if (i > 0) {
                        break; // The next record may straddle the window: read on from it.
                    }
                    // Nothing valid at the window start: take the whole rest of the segment to look further.
                    bytes = read(channel, offset, (int) Math.min(limit - offset, Integer.MAX_VALUE - 16));
                    if (RecordFormat.validAt(bytes, 0, bytes.length) >= 0) {
                        continue;
                    }
                }
                int next = i + 1;
                while (next < bytes.length && RecordFormat.validAt(bytes, next, bytes.length) < 0) {
                    next++;
                }
                corrupt(new Position(from.seq, offset + i), next - i, sealed);
                i = next;
            }
            return new Position(from.seq, offset + i);
        } catch (NoSuchFileException gone) {
            return new Position(from.seq, limit);
        }
    }

    private void corrupt(Position at, long bytes, boolean sealed) {
        if (at.compareTo(corruptionCountedTo) < 0) {
            return; // Already counted when this stretch was read before a rewind.
        }
        corruptionCountedTo = new Position(at.seq, at.offset + bytes);
        corruptRegions.incrementAndGet();
        corruptBytes.addAndGet(bytes);
        counters.dropped(DropReason.SPOOL_ERROR, 1);
        WARN.warn("corrupt|" + sink, "auditweave: skipped {} unreadable bytes at offset {} of {} ({}); counted as"
                        + " one dropped event", bytes, at.offset, segment(at.seq).getFileName(),
                sealed ? "a torn or corrupt record" : "a corrupt record");
    }

    private static byte[] read(FileChannel channel, long offset, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, offset + buffer.position()) < 0) {
                break;
            }
        }
        if (buffer.hasRemaining()) {
            byte[] shorter = new byte[buffer.position()];
            System.arraycopy(buffer.array(), 0, shorter, 0, shorter.length);
            return shorter;
        }
        return buffer.array();
    }

    private long nextSegmentAfter(long seq, long activeSeq) throws IOException {
        Long next = segments().higherKey(seq);
        return next == null || next > activeSeq ? activeSeq : next;
    }

    private void deleteSegmentsBefore(long seq) {
        try {
            for (var entry : segments().headMap(seq, false).entrySet()) {
                long size = sizeOrZero(entry.getValue());
                if (Files.deleteIfExists(entry.getValue())) {
                    totalBytes.addAndGet(-size);
                }
            }
        } catch (IOException e) {
            WARN.warn("delete|" + sink, "auditweave: cannot delete replayed segments of {}: {}", directory,
                    e.toString());
        }
    }

    private TreeMap<Long, Path> segments() throws IOException {
        TreeMap<Long, Path> segments = new TreeMap<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, SEGMENT_PREFIX + "*" + SEGMENT_SUFFIX)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                try {
                    segments.put(Long.parseLong(name.substring(SEGMENT_PREFIX.length(),
                            name.length() - SEGMENT_SUFFIX.length())), file);
                } catch (NumberFormatException notOurs) {
                    // Leave foreign files alone.
                }
            }
        }
        return segments;
    }

    Path segment(long seq) {
        return directory.resolve(String.format("%s%020d%s", SEGMENT_PREFIX, seq, SEGMENT_SUFFIX));
    }

    private Position readCursor() {
        try {
            String[] parts = Files.readString(directory.resolve("cursor"), StandardCharsets.US_ASCII).trim().split(" ");
            return new Position(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
        } catch (NoSuchFileException none) {
            return null;
        } catch (IOException | RuntimeException unreadable) {
            LOG.warn("auditweave: unreadable spool cursor in {} ({}); replaying from the oldest segment", directory,
                    unreadable.toString());
            return null;
        }
    }

    /** Not fsynced: a lost cursor update only means some events are sent again, with the same ids. */
    private void writeCursor(Position position) {
        Path cursor = directory.resolve("cursor");
        Path temporary = directory.resolve("cursor.tmp");
        try {
            Files.writeString(temporary, position.seq + " " + position.offset + "\n", StandardCharsets.US_ASCII);
            try {
                Files.move(temporary, cursor, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, cursor, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            WARN.warn("cursor|" + sink, "auditweave: cannot write spool cursor in {}: {}", directory, e.toString());
        }
    }

    private static long sizeOrZero(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // Nothing more to do.
            }
        }
    }

    /** A place in the spool: segment number and byte offset in it. */
    record Position(long seq, long offset) implements Comparable<Position> {
        @Override
        public int compareTo(Position other) {
            int bySeq = Long.compare(seq, other.seq);
            return bySeq != 0 ? bySeq : Long.compare(offset, other.offset);
        }
    }
}
