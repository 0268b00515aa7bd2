package dev.auditweave.bench.support;

import dev.auditweave.agent.internal.sink.NamedSink;
import dev.auditweave.agent.spi.SendResult;
import dev.auditweave.agent.spi.SinkEvent;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/** A sink that counts and forgets: the per-call benchmarks measure the calling thread, not delivery. */
public final class DiscardSink implements NamedSink {

    private final LongAdder events = new LongAdder();

    @Override
    public String name() {
        return "discard";
    }

    @Override
    public SendResult send(List<? extends SinkEvent> batch) {
        events.add(batch.size());
        return SendResult.delivered();
    }

    public long events() {
        return events.sum();
    }
}
