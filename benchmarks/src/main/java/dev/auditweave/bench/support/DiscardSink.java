package dev.auditweave.bench.support;

import dev.auditweave.agent.event.Event;
import dev.auditweave.agent.sink.SendResult;
import dev.auditweave.agent.sink.Sink;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/** A sink that counts and forgets: the per-call benchmarks measure the calling thread, not delivery. */
public final class DiscardSink implements Sink {

    private final LongAdder events = new LongAdder();

    @Override
    public String name() {
        return "discard";
    }

    @Override
    public SendResult send(List<Event> batch) {
        events.add(batch.size());
        return SendResult.delivered();
    }

    public long events() {
        return events.sum();
    }
}
