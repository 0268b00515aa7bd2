package dev.auditweave.agent.sink;

import dev.auditweave.agent.config.Settings;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the sinks named by {@code auditweave.sink}. */
public final class Sinks {

    private static final Logger LOG = LoggerFactory.getLogger(Sinks.class);

    private Sinks() {
    }

    /**
     * The configured sinks. An {@code http} sink without {@code auditweave.http.url} is left out with one
     * warning: every emit to it is then a silent no-op, the convention teams already rely on.
     */
    public static List<Sink> from(Settings settings) {
        List<Sink> sinks = new ArrayList<>();
        for (String name : settings.sinks()) {
            switch (name) {
                case "log" -> sinks.add(new LogSink());
                case "memory" -> sinks.add(MemorySink.shared());
                case "none" -> {
                }
                case "http" -> settings.httpUrl().ifPresentOrElse(
                        url -> sinks.add(new HttpSink(url, settings.httpHeaders(), settings.httpTimeout(),
                                settings.httpConnectTimeout())),
                        () -> LOG.warn("auditweave: auditweave.sink includes http but auditweave.http.url is not set;"
                                + " events for it are discarded silently"));
                default -> throw new IllegalArgumentException("unknown sink '" + name + "'");
            }
        }
        return sinks;
    }
}
