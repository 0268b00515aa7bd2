package dev.auditweave.agent.internal.spool;

import dev.auditweave.agent.internal.log.Loggers;
import dev.auditweave.agent.internal.log.RateLimitedLogger;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;

/**
 * One sink's spool directory on disk: takes its {@code lock}, names and lists the segment files, reads and replaces
 * the {@code cursor}, deletes replayed segments and keeps the count of their bytes. Everything it creates is readable
 * by the owner only (directories {@code rwx------}, files {@code rw-------}, where the file system is POSIX): the
 * files hold event data.
 */
final class SpoolDirectory {

    private static final Logger LOG = Loggers.get(SpoolDirectory.class);
    private static final RateLimitedLogger WARN = new RateLimitedLogger(LOG, 60);
    private static final String SEGMENT_PREFIX = "segment-";
    private static final String SEGMENT_SUFFIX = ".spool";
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    static final Set<PosixFilePermission> OWNER_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");

    private final String sink;
    private final Path path;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final AtomicLong totalBytes = new AtomicLong();
    private final AtomicLong peakBytes = new AtomicLong();

    private SpoolDirectory(String sink, Path path, FileChannel lockChannel, FileLock lock) {
        this.sink = sink;
        this.path = path;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /**
     * Creates {@code <root>/<sink>} if needed and takes its lock; {@code null} (with one warning) when another live
     * process holds it.
     */
    static SpoolDirectory lock(Path root, String sink) throws IOException {
        Path path = root.resolve(sink);
        if (!Files.isDirectory(root)) {
            createDirectories(root);
        }
        createDirectories(path);
        ownerOnly(path, OWNER_DIRECTORY);
        FileChannel lockChannel = open(path.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            FileLock lock;
            try {
                lock = lockChannel.tryLock();
            } catch (OverlappingFileLockException sameJvm) {
                lock = null;
            }
            if (lock == null) {
                LOG.warn("auditweave: spool {} is locked by another live process; sink {} runs without a spool"
                        + " in this JVM (undeliverable events are dropped and counted)", path, sink);
                lockChannel.close();
                return null;
            }
            return new SpoolDirectory(sink, path, lockChannel, lock);
        } catch (IOException | RuntimeException e) {
            closeQuietly(lockChannel);
            throw e;
        }
    }

    Path path() {
        return path;
    }

    String sink() {
        return sink;
    }

    /**
     * Opens {@code file} with {@code options}; a file it creates is the owner's only, and an existing one is made so.
     */
    static FileChannel open(Path file, OpenOption... options) throws IOException {
        FileChannel channel = POSIX
                ? FileChannel.open(file, Set.of(options), PosixFilePermissions.asFileAttribute(OWNER_FILE))
                : FileChannel.open(file, options);
        try {
            ownerOnly(file, OWNER_FILE);
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
        return channel;
    }

    // ---------------------------------------------------------------- segments

    Path segment(long seq) {
        return path.resolve(String.format("%s%020d%s", SEGMENT_PREFIX, seq, SEGMENT_SUFFIX));
    }

    /** The segment files present, by number. */
    TreeMap<Long, Path> segments() throws IOException {
        TreeMap<Long, Path> segments = new TreeMap<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(path, SEGMENT_PREFIX + "*" + SEGMENT_SUFFIX)) {
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

    /** The number of the first segment after {@code seq}, or {@code activeSeq} when none is before it. */
    long nextSegmentAfter(long seq, long activeSeq) throws IOException {
        Long next = segments().higherKey(seq);
        return next == null || next > activeSeq ? activeSeq : next;
    }

    /** Deletes the segments numbered below {@code seq}, the replayed ones. */
    void deleteSegmentsBefore(long seq) {
        try {
            for (var entry : segments().headMap(seq, false).entrySet()) {
                long size = sizeOrZero(entry.getValue());
                if (Files.deleteIfExists(entry.getValue())) {
                    totalBytes.addAndGet(-size);
                }
            }
        } catch (IOException e) {
            WARN.warn("delete|" + sink, "auditweave: cannot delete replayed segments of {}: {}", path, e.toString());
        }
    }

    // ---------------------------------------------------------------- bytes on disk

    /** {@code bytes} more were written. */
    void added(long bytes) {
        long total = totalBytes.addAndGet(bytes);
        peakBytes.accumulateAndGet(total, Math::max);
    }

    /** Sets the count at start-up, from the segments found. */
    void found(long bytes) {
        totalBytes.set(bytes);
        peakBytes.set(bytes);
    }

    long bytes() {
        return totalBytes.get();
    }

    long peakBytes() {
        return peakBytes.get();
    }

    // ---------------------------------------------------------------- cursor

    /** How far replay got in an earlier run, or {@code null}. */
    Position readCursor() {
        try {
            String[] parts = Files.readString(path.resolve("cursor"), StandardCharsets.US_ASCII).trim().split(" ");
            return new Position(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
        } catch (NoSuchFileException none) {
            return null;
        } catch (IOException | RuntimeException unreadable) {
            LOG.warn("auditweave: unreadable spool cursor in {} ({}); replaying from the oldest segment", path,
                    unreadable.toString());
            return null;
        }
    }

    /** Replaces the cursor atomically. Not fsynced: a lost update only means some events are sent again. */
    void writeCursor(Position position) {
        Path cursor = path.resolve("cursor");
        Path temporary = path.resolve("cursor.tmp");
        try {
            try (FileChannel out = open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                out.write(StandardCharsets.US_ASCII.encode(position.seq() + " " + position.offset() + "\n"));
            }
            try {
                Files.move(temporary, cursor, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, cursor, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            WARN.warn("cursor|" + sink, "auditweave: cannot write spool cursor in {}: {}", path, e.toString());
        }
    }

    /** Releases the lock. */
    void unlock() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // The lock goes with the channel anyway.
        }
        closeQuietly(lockChannel);
    }

    // ---------------------------------------------------------------- helpers

    static long sizeOrZero(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // Nothing more to do.
            }
        }
    }

    private static void createDirectories(Path directory) throws IOException {
        if (POSIX) {
            FileAttribute<Set<PosixFilePermission>> owner = PosixFilePermissions.asFileAttribute(OWNER_DIRECTORY);
            Files.createDirectories(directory, owner);
        } else {
            Files.createDirectories(directory);
        }
    }

    private static void ownerOnly(Path file, Set<PosixFilePermission> permissions) throws IOException {
        if (POSIX && !Files.getPosixFilePermissions(file).equals(permissions)) {
            Files.setPosixFilePermissions(file, permissions);
        }
    }
}
