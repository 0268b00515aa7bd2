package dev.auditweave.agent.internal.spool;

import dev.auditweave.agent.internal.event.Event;
import dev.auditweave.agent.internal.log.Loggers;
import dev.auditweave.agent.internal.metrics.Ledger;
import dev.auditweave.agent.metrics.DropReason;
import dev.auditweave.agent.spi.SendResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;

/**
 * One sink's disk spool in {@code <spool.dir>/<sink>/}: append-only segment files of checksummed records
 * ({@link RecordFormat}), a {@code cursor} file (how far replay got), a {@code lock} file and
 * {@code dead-letter.jsonl}. A face over four parts with one job each: {@link SpoolDirectory} (the directory, its
 * lock, cursor and segment files), {@link SegmentWriter} (the writer thread), {@link SegmentReader} (replay) and
 * {@link DeadLetters}.
 *
 * <p><b>Threads.</b> Only the writer thread ({@code auditweave-spool-<sink>}) writes segments and fsyncs. Two ways
 * in, neither of which does I/O: the application's threads {@link #offerOverflow} an event their sink's full queue
 * refused (a bounded lock-free ring), and the dispatch worker {@link #append}s batches it could not deliver. The
 * dispatch worker alone reads back ({@link #read}, {@link #ack}, {@link #rewind}) and writes dead letters. Every
 * event's fate on the way is recorded in the sink's {@link Ledger}.
 *
 * <p><b>Durability.</b> The writer fsyncs ({@code force(false)}) at most every {@code fsync-interval} (group commit);
 * an event counts as {@code spooled} once fsynced.
 *
 * <p><b>Recovery.</b> Each start writes a new segment and never appends to an old one, so a torn tail stays at the
 * end of a sealed segment, where the reader detects, counts and skips it.
 *
 * <pre>{@code
 * Spool spool = Spool.open(Path.of("/var/spool/app"), "abuse", 256 << 20, Duration.ofMillis(200), 16_384, ledger);
 * spool.append(batch);                    // the worker: to disk, behind what is there
 * List<Event> oldest = spool.read(500);   // ... sent ...
 * spool.ack();
 * }</pre>
 */
public final class Spool implements AutoCloseable {

    private static final Logger LOG = Loggers.get(Spool.class);

    private final SpoolDirectory directory;
    private final SegmentWriter writer;
    private final SegmentReader reader;
    private final DeadLetters deadLetters;
    private final Ledger ledger;

    private Spool(SpoolDirectory directory, long maxBytes, long segmentBytes, Duration fsyncInterval,
                  int overflowCapacity, Ledger ledger) throws IOException {
        this.directory = directory;
        this.ledger = ledger;
        TreeMap<Long, Path> segments = directory.segments();
        Position cursor = directory.readCursor();
        long total = 0;
        for (var entry : segments.entrySet()) {
            if (cursor != null && entry.getKey() < cursor.seq()) {
                Files.deleteIfExists(entry.getValue());
            } else {
                total += SpoolDirectory.sizeOrZero(entry.getValue());
            }
        }
        directory.found(total);
        long activeSeq = (segments.isEmpty() ? 0 : segments.lastKey()) + 1;
        Position start;
        if (cursor != null && segments.containsKey(cursor.seq())) {
            start = cursor;
        } else {
            Long first = segments.isEmpty() ? null : cursor == null ? segments.firstKey()
                    : segments.ceilingKey(cursor.seq());
            start = new Position(first == null ? activeSeq : first, 0);
        }
        this.writer = new SegmentWriter(directory, new Position(activeSeq, 0), maxBytes, segmentBytes, fsyncInterval,
                overflowCapacity, ledger);
        this.reader = new SegmentReader(directory, start, writer::published, ledger);
        this.deadLetters = new DeadLetters(directory);
        if (reader.hasUnacknowledged()) {
            LOG.info("auditweave: spool {} holds {} bytes from an earlier run; replaying them", directory.path(),
                    total);
        }
        writer.start();
    }

    /**
     * Opens (creating it if needed, owner-only) the spool of {@code sink} under {@code root}, or returns {@code null}
     * with one warning when it cannot be used: the directory cannot be created, or another live JVM holds its lock.
     *
     * @param overflowCapacity how many queue-full events the overflow ring holds until the writer drains it
     * @param ledger           the sink's ledger, where spooled events and the spool's drops are recorded
     */
    public static Spool open(Path root, String sink, long maxBytes, Duration fsyncInterval, int overflowCapacity,
                             Ledger ledger) {
        long segmentBytes = Math.max(64 << 10, Math.min(16L << 20, maxBytes / 16));
        return open(root, sink, maxBytes, segmentBytes, fsyncInterval, overflowCapacity, ledger);
    }

    static Spool open(Path root, String sink, long maxBytes, long segmentBytes, Duration fsyncInterval,
                      int overflowCapacity, Ledger ledger) {
        SpoolDirectory directory = null;
        try {
            directory = SpoolDirectory.lock(root, sink);
            return directory == null ? null
                    : new Spool(directory, maxBytes, segmentBytes, fsyncInterval, overflowCapacity, ledger);
        } catch (IOException | RuntimeException e) {
            LOG.warn("auditweave: cannot use spool directory {} for sink {}: {}; it runs without a spool",
                    root.resolve(sink), sink, e.toString());
            if (directory != null) {
                directory.unlock();
            }
            return null;
        }
    }

    public Path directory() {
        return directory.path();
    }

    // ---------------------------------------------------------------- the two ways in (no I/O)

    /**
     * From an application thread whose sink queue was full: one non-blocking offer to the overflow ring, which
     * the writer thread drains to disk. {@code false} when the ring is full too (the caller records the drop).
     */
    public boolean offerOverflow(Event event) {
        return writer.offerOverflow(event);
    }

    /**
     * From the dispatch worker: these events go to disk behind everything already spooled. Never blocks long. After
     * the writer stopped, they are recorded as dropped ({@link DropReason#SHUTDOWN}).
     */
    public void append(List<Event> events) {
        if (!events.isEmpty() && !writer.append(events)) {
            ledger.dropped(DropReason.SHUTDOWN, events);
        }
    }

    /** Whether the writer thread still runs (it stops only after {@link #close}). */
    public boolean writerAlive() {
        return writer.alive();
    }

    /** Events handed to the writer and not yet written: the dispatch worker stops handing more above a limit. */
    public long pendingEvents() {
        return writer.pendingEvents();
    }

    /**
     * Whether anything is spooled or on its way to the spool and not yet acknowledged: while so, new events go
     * behind it (to disk) so that the spool replays in order.
     */
    public boolean hasBacklog() {
        return writer.hasPending() || reader.hasUnacknowledged();
    }

    // ---------------------------------------------------------------- reading back (dispatch worker only)

    /**
     * Up to {@code max} events after the last acknowledged one, oldest first. Call {@link #ack} once they are
     * delivered (or dead-lettered), {@link #rewind} to read them again after a failed send.
     */
    public List<Event> read(int max) {
        return reader.read(max);
    }

    /** The events last {@link #read} were delivered or dead-lettered: never read them again. */
    public void ack() {
        reader.ack();
    }

    /** Reads again from the last acknowledged event (after a failed send). */
    public void rewind() {
        reader.rewind();
    }

    /**
     * Appends each poison event and its reason to {@code dead-letter.jsonl} and records them as dead-lettered, or,
     * when that fails, as dropped ({@link DropReason#SPOOL_ERROR}).
     */
    public void deadLetter(List<SendResult.Poison> poisoned) {
        if (poisoned.isEmpty()) {
            return;
        }
        List<Event> events = eventsOf(poisoned);
        if (deadLetters.write(poisoned)) {
            ledger.deadLettered(events);
        } else {
            ledger.dropped(DropReason.SPOOL_ERROR, events);
        }
    }

    /**
     * The events of {@code poisoned}. Every poison that reaches the ledger is an event of the batch it came with, as
     * the dispatcher's own events are (the dispatcher keeps only those of a sink's partial result), so the cast holds.
     */
    public static List<Event> eventsOf(List<SendResult.Poison> poisoned) {
        List<Event> events = new java.util.ArrayList<>(poisoned.size());
        poisoned.forEach(poison -> events.add((Event) poison.event()));
        return events;
    }

    // ---------------------------------------------------------------- figures

    /** Bytes of segment files on disk now. */
    public long bytes() {
        return directory.bytes();
    }

    /** The most bytes the spool held since it was opened. */
    public long peakBytes() {
        return directory.peakBytes();
    }

    /** Corrupt or torn stretches skipped while reading back. */
    public long corruptRegions() {
        return reader.corruptRegions();
    }

    public long corruptBytes() {
        return reader.corruptBytes();
    }

    /**
     * Lets the writer write and fsync what it holds, waits for it until {@code deadlineNanos} (a
     * {@link System#nanoTime()} value), then releases the lock. When the writer is still busy at the deadline, what it
     * had not taken yet is recorded as dropped ({@link DropReason#SHUTDOWN}), and the batch it is writing keeps the
     * fate the writer gives it; the lock then goes with the process.
     */
    public void close(long deadlineNanos) {
        if (writer.close(deadlineNanos)) {
            deadLetters.close();
            directory.unlock();
        }
    }

    @Override
    public void close() {
        close(System.nanoTime() + TimeUnit.SECONDS.toNanos(5));
    }
}
