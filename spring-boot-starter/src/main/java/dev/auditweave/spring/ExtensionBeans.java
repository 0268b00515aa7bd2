package dev.auditweave.spring;

import dev.auditweave.agent.ActorResolver;
import dev.auditweave.agent.Auditweave;
import dev.auditweave.agent.EventEnricher;
import dev.auditweave.agent.RequestResolver;
import dev.auditweave.agent.spi.SinkProvider;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The context's {@link EventEnricher}, {@link ActorResolver}, {@link RequestResolver} and {@link SinkProvider} beans,
 * handed to auditweave while the context runs: {@link #add()} before it starts auditweave
 * ({@code Auditweave.addEnricher}, {@code Auditweave.addActorResolver}, {@code Auditweave.addRequestResolver},
 * {@code Auditweave.addSinkProvider}, in the beans' order, so that
 * {@code auditweave.sink.<name>.type} can name a provider bean's type), {@link #remove()} when it stops, after the
 * queued events were drained (so that they are still enriched). With the {@code -javaagent} attached the facade
 * hands them to the agent's runtime, which shares the four interfaces with the application.
 *
 * <pre>{@code
 * @Bean
 * EventEnricher orgMemberships(MembershipRepository memberships) {
 *     return new OrgMemberships(memberships);     // name() "orgMemberships": @EmitsAbuseEvent(enrich = "orgMemberships")
 * }
 * }</pre>
 */
final class ExtensionBeans {

    private final ObjectProvider<EventEnricher> enrichers;
    private final ObjectProvider<ActorResolver> resolvers;
    private final ObjectProvider<RequestResolver> requestResolvers;
    private final ObjectProvider<SinkProvider> sinkProviders;
    private final List<EventEnricher> addedEnrichers = new ArrayList<>();
    private final List<SinkProvider> addedSinkProviders = new ArrayList<>();
    private final List<ActorResolver> addedResolvers = new ArrayList<>();
    private final List<RequestResolver> addedRequestResolvers = new ArrayList<>();

    ExtensionBeans(ObjectProvider<EventEnricher> enrichers, ObjectProvider<ActorResolver> resolvers,
                   ObjectProvider<RequestResolver> requestResolvers, ObjectProvider<SinkProvider> sinkProviders) {
        this.enrichers = enrichers;
        this.resolvers = resolvers;
        this.requestResolvers = requestResolvers;
        this.sinkProviders = sinkProviders;
    }

    /**
     * Adds every bean of the four types.
     *
     * @throws IllegalArgumentException for an enricher without a name or a sink provider without a valid type, naming
     *                                  its class; nothing stays added
     */
    synchronized void add() {
        try {
            enrichers.orderedStream().forEach(enricher -> {
                Auditweave.addEnricher(enricher);
                addedEnrichers.add(enricher);
            });
            resolvers.orderedStream().forEach(resolver -> {
                Auditweave.addActorResolver(resolver);
                addedResolvers.add(resolver);
            });
            requestResolvers.orderedStream().forEach(resolver -> {
                Auditweave.addRequestResolver(resolver);
                addedRequestResolvers.add(resolver);
            });
            sinkProviders.orderedStream().forEach(provider -> {
                Auditweave.addSinkProvider(provider);
                addedSinkProviders.add(provider);
            });
        } catch (RuntimeException e) {
            remove();
            throw e;
        }
    }

    /** Removes what {@link #add()} added. */
    synchronized void remove() {
        addedEnrichers.forEach(Auditweave::removeEnricher);
        addedResolvers.forEach(Auditweave::removeActorResolver);
        addedRequestResolvers.forEach(Auditweave::removeRequestResolver);
        addedSinkProviders.forEach(Auditweave::removeSinkProvider);
        addedEnrichers.clear();
        addedResolvers.clear();
        addedRequestResolvers.clear();
        addedSinkProviders.clear();
    }
}
