package dev.auditweave.agent.internal.spool;

import dev.auditweave.agent.internal.event.Event;
import dev.auditweave.agent.internal.log.Loggers;
import dev.auditweave.agent.internal.log.RateLimitedLogger;
import dev.auditweave.agent.internal.metrics.Ledger;
import dev.auditweave.agent.metrics.DropReason;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Reads the spool back, oldest first, for the dispatch worker (its only caller): {@link #read} up to a number of
 * events, then {@link #ack} once they are delivered or dead-lettered, or {@link #rewind} to read them again after a
 * failed send. A torn or corrupt stretch is skipped to the next record whose magic and checksum are valid, and
 * counted once (one {@link DropReason#SPOOL_ERROR} per stretch). Reading only moves forward: it cannot loop.
 */
final class SegmentReader {

    private static final RateLimitedLogger WARN = new RateLimitedLogger(Loggers.get(SegmentReader.class), 60);
    private static final int READ_WINDOW = 1 << 20;

    private final SpoolDirectory directory;
    private final Supplier<Position> published;
    private final Ledger ledger;

    private volatile Position committed;
    private Position tentative;
    private Position corruptionCountedTo;
    private long corruptRegions;
    private long corruptBytes;

    /**
     * @param start     where replay begins: the cursor of an earlier run, or the oldest segment
     * @param published where the writer's records end now
     */
    SegmentReader(SpoolDirectory directory, Position start, Supplier<Position> published, Ledger ledger) {
        this.directory = directory;
        this.published = published;
        this.ledger = ledger;
        this.committed = start;
        this.tentative = start;
        this.corruptionCountedTo = start;
    }

    /** Whether written records are not yet acknowledged. */
    boolean hasUnacknowledged() {
        return committed.compareTo(published.get()) < 0;
    }

    List<Event> read(int max) {
        List<Event> events = new ArrayList<>(Math.min(max, 1024));
        Position position = tentative;
        try {
            while (events.size() < max) {
                Position end = published.get();
                boolean sealed = position.seq() < end.seq();
                Path file = directory.segment(position.seq());
                long limit = sealed ? SpoolDirectory.sizeOrZero(file) : end.offset();
                if (position.offset() >= limit) {
                    if (!sealed) {
                        break;
                    }
                    position = new Position(directory.nextSegmentAfter(position.seq(), end.seq()), 0);
                    continue;
                }
                position = readRecords(file, position, limit, sealed, max, events);
            }
        } catch (IOException e) {
            WARN.warn("read|" + directory.sink(), "auditweave: reading spool {} failed: {}", directory.path(),
                    e.toString());
        }
        tentative = position;
        if (events.isEmpty() && tentative.compareTo(committed) > 0) {
            ack();
        }
        return events;
    }

    void ack() {
        Position done = tentative;
        if (done.compareTo(committed) <= 0) {
            return;
        }
        committed = done;
        directory.writeCursor(done);
        directory.deleteSegmentsBefore(done.seq());
    }

    void rewind() {
        tentative = committed;
    }

    /** Corrupt or torn stretches skipped so far. */
    synchronized long corruptRegions() {
        return corruptRegions;
    }

    synchronized long corruptBytes() {
        return corruptBytes;
    }

    private Position readRecords(Path file, Position from, long limit, boolean sealed, int max, List<Event> out)
            throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long offset = from.offset();
            int window = (int) Math.min(limit - offset, READ_WINDOW);
            byte[] bytes = read(channel, offset, window);
            int i = 0;
            while (i < bytes.length && out.size() < max) {
                int length = RecordFormat.validAt(bytes, i, bytes.length);
                if (length >= 0) {
                    try {
                        out.add(EventCodec.decode(bytes, i + RecordFormat.HEADER_BYTES, length));
                    } catch (IOException unreadable) {
                        corrupt(new Position(from.seq(), offset + i), RecordFormat.recordBytes(length), sealed);
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
                corrupt(new Position(from.seq(), offset + i), next - i, sealed);
                i = next;
            }
            return new Position(from.seq(), offset + i);
        } catch (NoSuchFileException gone) {
            return new Position(from.seq(), limit);
        }
    }

    private void corrupt(Position at, long bytes, boolean sealed) {
        if (at.compareTo(corruptionCountedTo) < 0) {
            return; // Already counted when this stretch was read before a rewind.
        }
        corruptionCountedTo = new Position(at.seq(), at.offset() + bytes);
        synchronized (this) {
            corruptRegions++;
            corruptBytes += bytes;
        }
        ledger.droppedUnseen(DropReason.SPOOL_ERROR, 1);
        WARN.warn("corrupt|" + directory.sink(), "auditweave: skipped {} unreadable bytes at offset {} of {} ({});"
                        + " counted as one dropped event", bytes, at.offset(),
                directory.segment(at.seq()).getFileName(), sealed ? "a torn or corrupt record" : "a corrupt record");
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
}
