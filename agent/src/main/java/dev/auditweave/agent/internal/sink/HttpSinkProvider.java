package dev.auditweave.agent.internal.sink;

import dev.auditweave.agent.internal.config.SinkSettings;
import dev.auditweave.agent.internal.log.Loggers;
import dev.auditweave.agent.spi.Sink;
import dev.auditweave.agent.spi.SinkContext;
import dev.auditweave.agent.spi.SinkProvider;
import java.time.Clock;
import org.slf4j.Logger;

/**
 * {@code type=http}: POSTs batches to {@code url} ({@link HttpSink}). Without a URL the sink is left out with one
 * warning, so that every emit to it is a silent no-op (the convention teams rely on). Named sinks isolate poison
 * (a batch answered 400/422 is bisected); the one-sink shorthand keeps its whole-batch behaviour, as it had before
 * named sinks. With {@code auditweave.sink.<name>.signing-secret-env=ABUSE_WEBHOOK_SECRET}, every request is signed
 * by the Standard Webhooks scheme with the {@code whsec_} secret in that environment variable ({@link WebhookSigner}).
 */
public final class HttpSinkProvider implements SinkProvider {

    private static final Logger LOG = Loggers.get(HttpSinkProvider.class);
    /** The setting naming the environment variable with the Standard Webhooks secret. */
    static final String SIGNING_SECRET_ENV = "signing-secret-env";

    @Override
    public String type() {
        return "http";
    }

    @Override
    public Sink create(SinkContext context) {
        ProviderContext own = ProviderContext.of(context);
        SinkSettings sink = own.settings();
        if (sink.url().isEmpty()) {
            LOG.warn(own.named()
                    ? "auditweave: sink " + sink.name() + " is of type http but auditweave.sink." + sink.name()
                            + ".url is not set; events for it are discarded silently"
                    : "auditweave: auditweave.sink includes http but auditweave.http.url is not set;"
                            + " events for it are discarded silently");
            return Sinks.LEFT_OUT;
        }
        Format format = Format.of(sink.format());
        HttpSink.Options options = own.named()
                ? HttpSink.Options.isolating(format, sink.source(), sink.maxEventBytes())
                : new HttpSink.Options(format, sink.source(), sink.maxEventBytes(), false);
        return new HttpSink(sink.name(), sink.url().get(), sink.headers(), sink.timeout(), sink.connectTimeout(),
                options, signer(own), Clock.systemUTC());
    }

    /**
     * The signer of {@code signing-secret-env}, the name of the environment variable with a {@code whsec_} secret;
     * {@code null} when the setting is unset.
     *
     * @throws dev.auditweave.agent.ConfigException when the variable is unset or holds no valid secret
     */
    private static WebhookSigner signer(ProviderContext context) {
        String variable = context.string(SIGNING_SECRET_ENV).orElse(null);
        if (variable == null) {
            return null;
        }
        String secret = context.environmentVariable(variable).orElseThrow(() -> context.invalid(SIGNING_SECRET_ENV,
                "the environment variable " + variable + " is not set; it must hold the whsec_ secret that signs"
                        + " every request"));
        try {
            return WebhookSigner.of(secret);
        } catch (IllegalArgumentException e) {
            throw context.invalid(SIGNING_SECRET_ENV, "the environment variable " + variable + " holds no valid"
                    + " secret: " + e.getMessage());
        }
    }
}
