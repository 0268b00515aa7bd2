package dev.auditweave.agent.internal.sink;

import dev.auditweave.agent.internal.config.SinkSettings;
import dev.auditweave.agent.spi.Sink;
import dev.auditweave.agent.spi.SinkContext;
import dev.auditweave.agent.spi.SinkProvider;

/** {@code type=log}: one INFO line per event on the logger {@code dev.auditweave.events} ({@link LogSink}). */
public final class LogSinkProvider implements SinkProvider {

    @Override
    public String type() {
        return "log";
    }

    @Override
    public Sink create(SinkContext context) {
        ProviderContext own = ProviderContext.of(context);
        SinkSettings sink = own.settings();
        return own.named() ? new LogSink(sink.name(), Format.of(sink.format()), sink.source()) : new LogSink();
    }
}
