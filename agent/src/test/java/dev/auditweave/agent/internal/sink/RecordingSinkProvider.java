package dev.auditweave.agent.internal.sink;

import dev.auditweave.agent.spi.SendResult;
import dev.auditweave.agent.spi.Sink;
import dev.auditweave.agent.spi.SinkContext;
import dev.auditweave.agent.spi.SinkEvent;
import dev.auditweave.agent.spi.SinkProvider;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A user's provider as a test sees one, found by ServiceLoader through this module's test
 * {@code META-INF/services/dev.auditweave.agent.spi.SinkProvider}: type {@code test-recorder}, which records what it
 * receives per sink name; {@code throw-on=<event type>} makes it throw for a batch holding that type, and
 * {@code label} is a required setting.
 */
public final class RecordingSinkProvider implements SinkProvider {

    static final Map<String, Recorder> SINKS = new ConcurrentHashMap<>();

    @Override
    public String type() {
        return "test-recorder";
    }

    @Override
    public Sink create(SinkContext context) {
        Recorder recorder = new Recorder(context, context.requireString("label"),
                context.string("throw-on").orElse(null), context.integer("copies", 1, 1, 3));
        SINKS.put(context.name(), recorder);
        return recorder;
    }

    static final class Recorder implements Sink {
        final SinkContext context;
        final String label;
        final String throwOn;
        final int copies;
        final List<SinkEvent> received = new CopyOnWriteArrayList<>();
        final List<String> threads = new CopyOnWriteArrayList<>();
        volatile boolean closed;

        Recorder(SinkContext context, String label, String throwOn, int copies) {
            this.context = context;
            this.label = label;
            this.throwOn = throwOn;
            this.copies = copies;
        }

        @Override
        public SendResult send(List<? extends SinkEvent> batch) {
            threads.add(Thread.currentThread().getName());
            if (throwOn != null && batch.stream().anyMatch(event -> event.type().equals(throwOn))) {
                throw new IllegalStateException("the receiver broke");
            }
            received.addAll(batch);
            return SendResult.delivered();
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
