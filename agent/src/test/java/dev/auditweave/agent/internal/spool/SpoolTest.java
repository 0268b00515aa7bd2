package dev.auditweave.agent.internal.spool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.auditweave.agent.internal.event.Event;
import dev.auditweave.agent.internal.metrics.Counters;
import dev.auditweave.agent.internal.metrics.Ledger;
import dev.auditweave.agent.metrics.DropReason;
import dev.auditweave.agent.spi.SendResult;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpoolTest {

    private static final Duration FSYNC = Duration.ofMillis(5);
    private static final long SMALL_SEGMENT = 1024;

    @TempDir
    Path root;

    private final Counters counters = new Counters();
    private final Ledger ledger = new Ledger(counters);
    private final List<Spool> open = new ArrayList<>();

    @AfterEach
    void closeAll() {
        open.forEach(Spool::close);
    }

    @Test
    void replaysInOrderAcrossRolledSegmentsAndDeletesThemOnceAcknowledged() throws IOException {
        Spool spool = open(1 << 20, SMALL_SEGMENT);
        List<Event> events = events(0, 100);
        spool.append(events.subList(0, 40));
        spool.append(events.subList(40, 100));
        awaitSpooled(100);
        assertThat(segmentFiles()).hasSizeGreaterThan(3);

        List<Event> back = new ArrayList<>();
        List<Event> batch;
        while (!(batch = spool.read(7)).isEmpty()) {
            back.addAll(batch);
            spool.ack();
        }

        assertThat(back).containsExactlyElementsOf(events);
        assertThat(spool.hasBacklog()).isFalse();
        assertThat(segmentFiles()).hasSizeLessThanOrEqualTo(1);
        assertThat(spool.corruptRegions()).isZero();
    }

    @Test
    void keepsTypesOfTheDataThroughTheDisk() {
        Spool spool = open(1 << 20, SMALL_SEGMENT);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("s", "text \u00e9 \"quoted\"");
        data.put("n", 42L);
        data.put("d", 2.5);
        data.put("b", true);
        data.put("null", null);
        data.put("list", List.of(1L, "two"));
        data.put("map", Map.of("k", "v"));
        Event event = new Event("id-1", "user.blocked", 1_716_000_000_000L, data);
        spool.append(List.of(event));
        awaitSpooled(1);

        assertThat(spool.read(10)).containsExactly(event);
    }

    @Test
    void rewindReadsTheSameEventsAgainAndAckMovesOn() {
        Spool spool = open(1 << 20, SMALL_SEGMENT);
        spool.append(events(0, 10));
        awaitSpooled(10);

        List<Event> first = spool.read(4);
        spool.rewind();
        assertThat(spool.read(4)).isEqualTo(first);
        spool.ack();
        assertThat(spool.read(100)).containsExactlyElementsOf(events(4, 10));
    }

    @Test
    void aRestartReplaysWhatWasNotAcknowledgedAndNothingElse() {
        Spool first = open(1 << 20, SMALL_SEGMENT);
        first.append(events(0, 30));
        awaitSpooled(30);
        assertThat(first.read(12)).containsExactlyElementsOf(events(0, 12));
        first.ack();
        first.read(5); // read but not acknowledged: must come again
        close(first);

        Spool second = open(1 << 20, SMALL_SEGMENT);
        assertThat(second.hasBacklog()).isTrue();
        assertThat(readAll(second)).containsExactlyElementsOf(events(12, 30));
    }

    @Test
    void aTornTailIsDetectedCountedAndSkipped() throws IOException {
        Spool first = open(1 << 20, 1 << 20);
        first.append(events(0, 10));
        awaitSpooled(10);
        close(first);
        Path segment = segmentFiles().get(0);
        long size = Files.size(segment);
        try (RandomAccessFile file = new RandomAccessFile(segment.toFile(), "rw")) {
            file.setLength(size - 7); // the last record torn, as by a kill -9 in the middle of a write
        }

        Spool second = open(1 << 20, 1 << 20);
        assertThat(readAll(second)).containsExactlyElementsOf(events(0, 9));
        assertThat(second.corruptRegions()).isEqualTo(1);
        assertThat(counters.snapshot().droppedByReason().get(DropReason.SPOOL_ERROR)).isEqualTo(1);
        assertThat(second.hasBacklog()).isFalse();
    }

    @Test
    void garbageAfterTheLastRecordIsSkippedWithoutLooping() throws IOException {
        Spool first = open(1 << 20, 1 << 20);
        first.append(events(0, 5));
        awaitSpooled(5);
        close(first);
        Path segment = segmentFiles().get(0);
        byte[] garbage = new byte[5000];
        new java.util.Random(7).nextBytes(garbage);
        Files.write(segment, garbage, java.nio.file.StandardOpenOption.APPEND);

        Spool second = open(1 << 20, 1 << 20);
        assertThat(readAll(second)).containsExactlyElementsOf(events(0, 5));
        assertThat(second.corruptRegions()).isEqualTo(1);
        assertThat(second.corruptBytes()).isEqualTo(5000);
    }

    @Test
    void aCorruptRecordInTheMiddleCostsOnlyThatRecord() throws IOException {
        Spool first = open(1 << 20, 1 << 20);
        first.append(events(0, 10));
        awaitSpooled(10);
        close(first);
        Path segment = segmentFiles().get(0);
        byte[] bytes = Files.readAllBytes(segment);
        int recordSize = bytes.length / 10; // equal-sized events
        bytes[4 * recordSize + RecordFormat.HEADER_BYTES + 3] ^= 0x5a; // a flipped bit in the payload of the 5th
        Files.write(segment, bytes);

        Spool second = open(1 << 20, 1 << 20);
        List<Event> expected = new ArrayList<>(events(0, 4));
        expected.addAll(events(5, 10));
        assertThat(readAll(second)).containsExactlyElementsOf(expected);
        assertThat(second.corruptRegions()).isEqualTo(1);
    }

    @Test
    void aDamagedLengthFieldIsResynchronisedAtTheNextRecord() throws IOException {
        Spool first = open(1 << 20, 1 << 20);
        first.append(events(0, 10));
        awaitSpooled(10);
        close(first);
        Path segment = segmentFiles().get(0);
        byte[] bytes = Files.readAllBytes(segment);
        int recordSize = bytes.length / 10;
        bytes[2 * recordSize + 5] = (byte) 0x7f; // the length of the 3rd record now points far beyond the file
        Files.write(segment, bytes);

        Spool second = open(1 << 20, 1 << 20);
        List<Event> expected = new ArrayList<>(events(0, 2));
        expected.addAll(events(3, 10));
        assertThat(readAll(second)).containsExactlyElementsOf(expected);
    }

    @Test
    void beyondMaxBytesEventsAreDroppedAndCounted() {
        Spool spool = open(64 << 10, 8 << 10);
        int total = 2000; // far more than 64 KiB of records
        spool.append(events(0, total));
        awaitCondition(() -> spool.pendingEvents() == 0 && spooled()
                + counters.snapshot().droppedByReason().get(DropReason.SPOOL_FULL) == total);

        long full = counters.snapshot().droppedByReason().get(DropReason.SPOOL_FULL);
        assertThat(full).isPositive();
        assertThat(spool.bytes()).isLessThanOrEqualTo(64 << 10);
        assertThat(readAll(spool)).containsExactlyElementsOf(events(0, (int) (total - full)));
    }

    @Test
    void overflowFromCallersReachesTheDiskThroughTheWriter() {
        Spool spool = open(1 << 20, SMALL_SEGMENT);
        for (Event event : events(0, 20)) {
            assertThat(spool.offerOverflow(event)).isTrue();
        }
        awaitSpooled(20);
        assertThat(readAll(spool)).containsExactlyElementsOf(events(0, 20));
    }

    @Test
    void aSecondSpoolOnTheSameDirectoryIsRefusedWhileTheFirstHoldsTheLock() {
        Spool first = open(1 << 20, SMALL_SEGMENT);
        assertThat(Spool.open(root, "http", 1 << 20, SMALL_SEGMENT, FSYNC, 16, ledger)).isNull();
        close(first);
        assertThat(open(1 << 20, SMALL_SEGMENT)).isNotNull();
    }

    @Test
    void sinksHaveTheirOwnSubdirectories() {
        Spool http = open(1 << 20, SMALL_SEGMENT);
        Spool audit = Spool.open(root, "audit", 1 << 20, SMALL_SEGMENT, FSYNC, 16, ledger);
        open.add(audit);
        assertThat(http.directory()).isEqualTo(root.resolve("http"));
        assertThat(audit.directory()).isEqualTo(root.resolve("audit"));
    }

    @Test
    void deadLettersAreJsonLinesWithTheirReason() throws IOException {
        Spool spool = open(1 << 20, SMALL_SEGMENT);
        Event event = events(0, 1).get(0);
        spool.deadLetter(List.of(new SendResult.Poison(event, "422: field n too large")));
        assertThat(counters.snapshot().deadLettered()).isEqualTo(1);

        List<String> lines = Files.readAllLines(root.resolve("http").resolve("dead-letter.jsonl"));
        assertThat(lines).hasSize(1);
        JsonNode line = new ObjectMapper().readTree(lines.get(0));
        assertThat(line.path("reason").asText()).isEqualTo("422: field n too large");
        assertThat(line.path("event").path("id").asText()).isEqualTo(event.id());
    }

    @Test
    void anIoErrorWhileWritingIsCountedAndLoggedAndNothingThrows() throws IOException {
        Spool spool = open(1 << 20, SMALL_SEGMENT);
        try (Stream<Path> files = Files.list(root.resolve("http"))) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(root.resolve("http")); // the segment cannot be created any more: as good as a dead disk

        spool.append(events(0, 5));
        awaitCondition(() -> counters.snapshot().droppedByReason().get(DropReason.SPOOL_ERROR) == 5);
        assertThat(spooled()).isZero();
        assertThat(spool.offerOverflow(events(5, 6).get(0))).isTrue();
        awaitCondition(() -> counters.snapshot().droppedByReason().get(DropReason.SPOOL_ERROR) == 6);
    }

    @Test
    void filesAndDirectoriesAreTheOwnersOnly() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "a POSIX file system");
        Path fresh = root.resolve("fresh");
        Spool spool = Spool.open(fresh, "http", 1 << 20, SMALL_SEGMENT, FSYNC, 64, ledger);
        open.add(spool);
        spool.append(events(0, 3));
        awaitSpooled(3);
        readAll(spool);
        spool.deadLetter(List.of(new SendResult.Poison(events(3, 4).get(0), "400")));

        Path directory = fresh.resolve("http");
        assertThat(Files.getPosixFilePermissions(fresh)).as("the spool root it created")
                .isEqualTo(PosixFilePermissions.fromString("rwx------"));
        assertThat(Files.getPosixFilePermissions(directory)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        try (Stream<Path> files = Files.list(directory)) {
            List<Path> all = files.toList();
            assertThat(all).extracting(p -> p.getFileName().toString())
                    .contains("lock", "cursor", "dead-letter.jsonl").anyMatch(name -> name.endsWith(".spool"));
            assertThat(all).allSatisfy(file -> assertThat(Files.getPosixFilePermissions(file)).as(file.toString())
                    .isEqualTo(PosixFilePermissions.fromString("rw-------")));
        }
    }

    @Test
    void aSinkDirectoryLeftOpenByAnOlderVersionIsMadeTheOwnersOnly() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "a POSIX file system");
        Path directory = Files.createDirectories(root.resolve("http"));
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path lock = Files.writeString(directory.resolve("lock"), "");
        Files.setPosixFilePermissions(lock, PosixFilePermissions.fromString("rw-r--r--"));

        open(1 << 20, SMALL_SEGMENT);

        assertThat(Files.getPosixFilePermissions(directory)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        assertThat(Files.getPosixFilePermissions(lock)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void anUnusableDirectoryMeansNoSpoolNotAnException() throws IOException {
        Path file = Files.writeString(root.resolve("not-a-directory"), "x");
        assertThat(Spool.open(file, "http", 1 << 20, SMALL_SEGMENT, FSYNC, 16, ledger)).isNull();
    }

    // ------------------------------------------------------------------------------------------------

    private Spool open(long maxBytes, long segmentBytes) {
        Spool spool = Spool.open(root, "http", maxBytes, segmentBytes, FSYNC, 64, ledger);
        assertThat(spool).isNotNull();
        open.add(spool);
        return spool;
    }

    private void close(Spool spool) {
        spool.close();
        open.remove(spool);
    }

    private static List<Event> readAll(Spool spool) {
        List<Event> all = new ArrayList<>();
        List<Event> batch;
        while (!(batch = spool.read(50)).isEmpty()) {
            all.addAll(batch);
            spool.ack();
        }
        return all;
    }

    private long spooled() {
        return counters.snapshot().spooled();
    }

    private void awaitSpooled(long count) {
        awaitCondition(() -> spooled() >= count);
    }

    private static void awaitCondition(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within 10 s").isLessThan(deadline);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }

    private List<Path> segmentFiles() throws IOException {
        try (Stream<Path> files = Files.list(root.resolve("http"))) {
            return files.filter(f -> f.getFileName().toString().endsWith(".spool")).sorted().toList();
        }
    }

    private static List<Event> events(int from, int to) {
        List<Event> events = new ArrayList<>();
        for (int i = from; i < to; i++) {
            events.add(new Event(String.format("id-%05d", i), "test.event", 1_716_000_000_000L + i,
                    Map.of("n", (long) i)));
        }
        return events;
    }
}
