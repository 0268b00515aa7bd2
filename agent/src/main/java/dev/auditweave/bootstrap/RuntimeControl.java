package dev.auditweave.bootstrap;

import dev.auditweave.agent.ActorResolver;
import dev.auditweave.agent.AuditweaveTransaction;
import dev.auditweave.agent.ConfigException;
import dev.auditweave.agent.EmitSite;
import dev.auditweave.agent.EventEnricher;
import dev.auditweave.agent.EventTap;
import dev.auditweave.agent.RequestResolver;
import dev.auditweave.agent.metrics.AuditweaveMetrics;
import dev.auditweave.agent.spi.SinkProvider;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;

/**
 * What the {@link dev.auditweave.agent.Auditweave} facade asks of a runtime: the runtime of its own copy of
 * auditweave, or, when the {@code -javaagent} is attached, the agent's, so that one runtime serves the JVM whichever
 * copy asks. Only JDK types and the public API types that the agent jar shares on the bootstrap class path cross
 * it. Internal: see the facade for what each call means.
 */
public interface RuntimeControl {

    /** {@link dev.auditweave.agent.Auditweave#start(Map, Map)}. */
    void start(Map<String, String> values, Map<String, String> origins) throws ConfigException;

    /** {@link dev.auditweave.agent.Auditweave#configureSites(Map, Map)}. */
    void configureSites(Map<String, String> values, Map<String, String> origins) throws ConfigException;

    /** {@link dev.auditweave.agent.Auditweave#stop(java.time.Duration)}. */
    boolean stop(long timeoutMillis);

    /** The running instance's {@code auditweave.shutdown.timeout-ms}. */
    long shutdownTimeoutMillis();

    /** {@link dev.auditweave.agent.Auditweave#prepare(Method)}. */
    void prepare(Method method);

    /** {@link dev.auditweave.agent.Auditweave#prepareBuildCheckedSites(ClassLoader)}. */
    int prepareBuildCheckedSites(ClassLoader loader);

    /** {@link dev.auditweave.agent.Auditweave#emitSites()}. */
    List<EmitSite> emitSites();

    /** The counters of every sink ({@code sink == null}) or of one; unknown sink: {@link IllegalArgumentException}. */
    AuditweaveMetrics metrics(String sink);

    /** {@link dev.auditweave.agent.Auditweave#sinkNames()}. */
    List<String> sinkNames();

    /** {@link dev.auditweave.agent.Auditweave#logThrough(LogTarget)}. */
    void logThrough(LogTarget target);

    /** {@link dev.auditweave.agent.Auditweave#flush(java.time.Duration)}. */
    boolean flush(long timeoutMillis);

    /** {@link dev.auditweave.agent.Auditweave#beginTransaction()}. */
    AuditweaveTransaction beginTransaction();

    /** {@link dev.auditweave.agent.Auditweave#addEnricher(EventEnricher)}. */
    void addEnricher(EventEnricher enricher);

    /** {@link dev.auditweave.agent.Auditweave#removeEnricher(EventEnricher)}. */
    void removeEnricher(EventEnricher enricher);

    /** {@link dev.auditweave.agent.Auditweave#addSinkProvider(SinkProvider)}. */
    void addSinkProvider(SinkProvider provider);

    /** {@link dev.auditweave.agent.Auditweave#removeSinkProvider(SinkProvider)}. */
    void removeSinkProvider(SinkProvider provider);

    /** {@link dev.auditweave.agent.Auditweave#addActorResolver(ActorResolver)}. */
    void addActorResolver(ActorResolver resolver);

    /** {@link dev.auditweave.agent.Auditweave#removeActorResolver(ActorResolver)}. */
    void removeActorResolver(ActorResolver resolver);

    /** {@link dev.auditweave.agent.Auditweave#addRequestResolver(RequestResolver)}. */
    void addRequestResolver(RequestResolver resolver);

    /** {@link dev.auditweave.agent.Auditweave#removeRequestResolver(RequestResolver)}. */
    void removeRequestResolver(RequestResolver resolver);

    /** {@link dev.auditweave.agent.Auditweave#addTap(EventTap)}. */
    void addTap(EventTap tap);

    /** {@link dev.auditweave.agent.Auditweave#removeTap(EventTap)}. */
    void removeTap(EventTap tap);

    /** {@link dev.auditweave.agent.Auditweave#awaitEnrichment(java.time.Duration)}. */
    boolean awaitEnrichment(long timeoutMillis);
}
