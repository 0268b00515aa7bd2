package dev.auditweave.agent.internal.sink;

import dev.auditweave.agent.spi.Sink;
import dev.auditweave.agent.spi.SinkContext;
import dev.auditweave.agent.spi.SinkProvider;
import java.io.IOException;

/** A provider whose {@code create} fails (type {@code test-broken}) or returns null ({@code auditweave.sink.<name>.null=true}). */
public final class BrokenSinkProvider implements SinkProvider {

    @Override
    public String type() {
        return "test-broken";
    }

    @Override
    public Sink create(SinkContext context) throws IOException {
        if (context.bool("null", false)) {
            return null;
        }
        throw new IOException("cannot open /dev/audit");
    }
}
