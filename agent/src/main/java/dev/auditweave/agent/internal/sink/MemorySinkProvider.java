package dev.auditweave.agent.internal.sink;

import dev.auditweave.agent.spi.Sink;
import dev.auditweave.agent.spi.SinkContext;
import dev.auditweave.agent.spi.SinkProvider;

/** {@code type=memory}: events kept in {@link MemorySink#named(String)}, for tests. */
public final class MemorySinkProvider implements SinkProvider {

    @Override
    public String type() {
        return "memory";
    }

    @Override
    public Sink create(SinkContext context) {
        return MemorySink.named(context.name());
    }
}
