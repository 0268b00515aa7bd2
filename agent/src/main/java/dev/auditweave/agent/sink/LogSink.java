package dev.auditweave.agent.sink;

import dev.auditweave.agent.event.Event;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default sink: each event as one INFO line of JSON on the logger {@code dev.auditweave.events}, so a
 * new user sees events without configuring anything.
 */
public final class LogSink implements Sink {

    private static final Logger EVENTS = LoggerFactory.getLogger("dev.auditweave.events");

    @Override
    public String name() {
        return "log";
    }

    @Override
    public SendResult send(List<Event> batch) {
        if (EVENTS.isInfoEnabled()) {
            for (Event event : batch) {
                EVENTS.info("{}", EventJson.event(event));
            }
        }
        return SendResult.delivered();
    }
}
