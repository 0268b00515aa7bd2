package dev.auditweave.agent.internal.sink;

import dev.auditweave.agent.spi.Sink;

/**
 * A sink that knows its own name: the built-in ones, and what tests hand to
 * {@code AuditweaveRuntime.replace(settings, sinks)} without a configuration to name them. A sink made by a
 * {@link dev.auditweave.agent.spi.SinkProvider} is named by its configuration instead.
 */
public interface NamedSink extends Sink {

    /** A short name for logs, metrics and thread names, e.g. {@code "http"}. */
    String name();
}
