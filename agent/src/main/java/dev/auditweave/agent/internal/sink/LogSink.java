package dev.auditweave.agent.internal.sink;

import dev.auditweave.agent.internal.log.Loggers;
import dev.auditweave.agent.spi.SendResult;
import dev.auditweave.agent.spi.SinkEvent;
import java.util.List;
import org.slf4j.Logger;

/**
 * The default sink: each event as one INFO line of JSON on the logger {@code dev.auditweave.events}, so a
 * new user sees events without configuring anything.
 */
public final class LogSink implements NamedSink {

    private static final Logger EVENTS = Loggers.get("dev.auditweave.events");

    private final String name;
    private final Format format;
    private final String source;

    public LogSink() {
        this("log", Format.ENVELOPE, "auditweave");
    }

    /**
     * A named log sink; each line is one event as {@code format} writes it (the event object for envelope, the
     * {@code data} object for flat, a CloudEvent for both cloudevents formats).
     */
    public LogSink(String name, Format format, String source) {
        this.name = name;
        this.format = format;
        this.source = source;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public SendResult send(List<? extends SinkEvent> batch) {
        if (EVENTS.isInfoEnabled()) {
            for (SinkEvent event : batch) {
                EVENTS.info("{}", format == Format.ENVELOPE ? EventJson.event(event)
                        : new String(EventJson.item(event, format, source), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return SendResult.delivered();
    }
}
