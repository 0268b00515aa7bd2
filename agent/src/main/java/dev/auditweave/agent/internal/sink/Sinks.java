package dev.auditweave.agent.internal.sink;

import dev.auditweave.agent.ConfigException;
import dev.auditweave.agent.internal.config.Settings;
import dev.auditweave.agent.internal.config.SinkKeys;
import dev.auditweave.agent.internal.config.SinkOptions;
import dev.auditweave.agent.internal.config.SinkSettings;
import dev.auditweave.agent.internal.log.Loggers;
import dev.auditweave.agent.spi.SendResult;
import dev.auditweave.agent.spi.Sink;
import dev.auditweave.agent.spi.SinkProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;

/**
 * Builds the sinks named by {@code auditweave.sinks}, or by the shorthand {@code auditweave.sink}: each by the
 * {@link SinkProvider} of its type ({@link SinkProviders}), the built-in http, jdbc, log and memory sinks included.
 *
 * <pre>{@code
 * for (Sinks.Configured sink : Sinks.configured(settings)) {
 *     sink.name();   // abuse
 *     sink.sink();   // what its provider made
 * }
 * }</pre>
 */
public final class Sinks {

    private static final Logger LOG = Loggers.get(Sinks.class);

    /** What a built-in provider returns for a sink to leave out (an http sink without a URL). */
    static final Sink LEFT_OUT = batch -> SendResult.delivered();

    private Sinks() {
    }

    /**
     * One built sink and the settings it was built from (its queue, batching, retry and event types).
     *
     * @param name     the sink's name
     * @param sink     what its provider made
     * @param settings its checked settings
     * @param context  the context its provider was given, whose metrics the runtime binds; {@code null} for a sink
     *                 given in code
     */
    public record Configured(String name, Sink sink, SinkSettings settings, ProviderContext context) {
    }

    /** The configured sinks, in configuration order; see {@link #configured}. */
    public static List<Sink> from(Settings settings) {
        return configured(settings).stream().map(Configured::sink).toList();
    }

    /**
     * The configured sinks with their settings, in configuration order. An {@code http} sink without a URL is left
     * out with one warning.
     *
     * @throws ConfigException for a type no provider has (naming the key, the type and the known types), a provider
     *                         that fails (naming its class) or a setting its provider refuses; the sinks made
     *                         before it are closed
     */
    public static List<Configured> configured(Settings settings) {
        boolean named = !settings.namedSinks().isEmpty();
        Map<String, SinkProvider> providers = settings.sinkSettings().isEmpty() ? Map.of() : SinkProviders.byType();
        List<Configured> sinks = new ArrayList<>();
        try {
            for (SinkSettings sink : settings.sinkSettings()) {
                SinkOptions options = named ? settings.sinkOptions(sink.name()) : SinkOptions.none(sink.name());
                SinkProvider provider = providers.get(sink.type());
                if (provider == null) {
                    throw unknownType(sink, options, providers);
                }
                ProviderContext context = new ProviderContext(sink, options, named, settings::environmentVariable);
                Sink made = create(provider, context, options);
                context.unreadWarnings().forEach(warning -> LOG.warn("auditweave: {}", warning));
                if (made != LEFT_OUT) {
                    sinks.add(new Configured(sink.name(), made, sink, context));
                }
            }
        } catch (RuntimeException e) {
            sinks.forEach(Sinks::closeQuietly);
            throw e;
        }
        return sinks;
    }

    private static Sink create(SinkProvider provider, ProviderContext context, SinkOptions options) {
        Sink made;
        try {
            made = provider.create(context);
        } catch (ConfigException e) {
            throw e;
        } catch (Exception | LinkageError e) {
            throw options.invalid("type", "the sink provider " + provider.getClass().getName()
                    + " failed to create sink " + context.name() + ": " + e);
        }
        if (made == null) {
            throw options.invalid("type", "the sink provider " + provider.getClass().getName()
                    + " returned no sink (null) for sink " + context.name());
        }
        return made;
    }

    private static ConfigException unknownType(SinkSettings sink, SinkOptions options,
                                               Map<String, SinkProvider> providers) {
        String problem = "no sink provider has type '" + sink.type() + "'; the known types are "
                + String.join(", ", providers.keySet().stream().sorted().toList()) + ". A provider is listed in"
                + " META-INF/services/dev.auditweave.agent.spi.SinkProvider on the application's class path (under"
                + " the -javaagent: the system class path, or the class loader of the application's first annotated"
                + " class once it loads), or added with Auditweave.addSinkProvider";
        if (options.origin("type").isEmpty()) {
            String key = SinkKeys.TYPE.keyFor(sink.name());
            return new ConfigException(key, key + " = '" + sink.type() + "': " + problem);
        }
        return options.invalid("type", problem);
    }

    private static void closeQuietly(Configured configured) {
        try {
            configured.sink().close();
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("auditweave: sink {} threw while closing: {}", configured.name(), e.toString());
        }
    }
}
