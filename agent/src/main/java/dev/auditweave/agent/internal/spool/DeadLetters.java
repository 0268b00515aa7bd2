package dev.auditweave.agent.internal.spool;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.auditweave.agent.internal.log.Loggers;
import dev.auditweave.agent.internal.log.RateLimitedLogger;
import dev.auditweave.agent.internal.sink.EventJson;
import dev.auditweave.agent.spi.SendResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * {@code <spool.dir>/<sink>/dead-letter.jsonl}: one {@code {"reason": ..., "event": {...}}} line per event the
 * endpoint refused for good, appended and fsynced. Written by the dispatch worker only.
 */
final class DeadLetters {

    private static final RateLimitedLogger WARN = new RateLimitedLogger(Loggers.get(DeadLetters.class), 60);
    private static final JsonFactory JSON = new JsonFactory();

    private final SpoolDirectory directory;
    private FileChannel file;

    DeadLetters(SpoolDirectory directory) {
        this.directory = directory;
    }

    /** Appends each poison event and its reason; whether all were written (else none counts as written). */
    boolean write(List<SendResult.Poison> poisoned) {
        if (poisoned.isEmpty()) {
            return true;
        }
        try {
            if (file == null) {
                file = SpoolDirectory.open(directory.path().resolve("dead-letter.jsonl"), StandardOpenOption.CREATE,
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
                file.write(bytes);
            }
            file.force(false);
            return true;
        } catch (IOException | UncheckedIOException e) {
            WARN.warn("dead-letter|" + directory.sink(), "auditweave: cannot write {} dead letters to {}: {}",
                    poisoned.size(), directory.path(), e.toString());
            return false;
        }
    }

    void close() {
        SpoolDirectory.closeQuietly(file);
    }
}
