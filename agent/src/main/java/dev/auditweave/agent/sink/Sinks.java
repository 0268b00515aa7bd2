package dev.auditweave.agent.sink;

import dev.auditweave.agent.config.Settings;
import dev.auditweave.agent.config.SinkSettings;
import dev.auditweave.agent.log.Loggers;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;

/** Builds the sinks named by {@code auditweave.sinks}, or by the shorthand {@code auditweave.sink}. */
public final class Sinks {

    private static final Logger LOG = Loggers.get(Sinks.class);

    private Sinks() {
    }

    /** One built sink and the settings it was built from (its queue, batching, retry and event types). */
    public record Configured(Sink sink, SinkSettings settings) {
    }

    /**
     * The configured sinks. An {@code http} sink without a URL is left out with one warning: every emit to it is
     * then a silent no-op, the convention teams already rely on.
     */
    public static List<Sink> from(Settings settings) {
        return configured(settings).stream().map(Configured::sink).toList();
    }

    /** The configured sinks with their settings, in configuration order. */
    public static List<Configured> configured(Settings settings) {
        List<Configured> sinks = new ArrayList<>();
        boolean named = !settings.namedSinks().isEmpty();
        for (SinkSettings sink : settings.sinkSettings()) {
            switch (sink.type()) {
                case "log" -> sinks.add(new Configured(named
                        ? new LogSink(sink.name(), Format.of(sink.format()), sink.source()) : new LogSink(), sink));
                case "memory" -> sinks.add(new Configured(MemorySink.named(sink.name()), sink));
                case "http" -> sink.url().ifPresentOrElse(
                        url -> sinks.add(new Configured(new HttpSink(sink.name(), url, sink.headers(), sink.timeout(),
                                sink.connectTimeout(), httpOptions(sink, named)), sink)),
                        () -> LOG.warn(named
                                ? "auditweave: sink " + sink.name() + " is of type http but auditweave.sink."
                                        + sink.name() + ".url is not set; events for it are discarded silently"
                                : "auditweave: auditweave.sink includes http but auditweave.http.url is not set;"
                                        + " events for it are discarded silently"));
                default -> throw new IllegalArgumentException("unknown sink type '" + sink.type() + "'");
            }
        }
        return sinks;
    }

    /**
     * Named sinks isolate poison: a batch answered 400/422 is bisected. The one-sink shorthand keeps its whole-batch
     * behaviour (400 rejects the batch), as it had before named sinks; only its oversized events are poison.
     */
    private static HttpSink.Options httpOptions(SinkSettings sink, boolean named) {
        Format format = Format.of(sink.format());
        return named ? HttpSink.Options.isolating(format, sink.source(), sink.maxEventBytes())
                : new HttpSink.Options(format, sink.source(), sink.maxEventBytes(), false);
    }
}
