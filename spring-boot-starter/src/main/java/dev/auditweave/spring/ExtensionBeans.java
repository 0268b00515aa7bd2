package dev.auditweave.spring;

import dev.auditweave.agent.ActorResolver;
import dev.auditweave.agent.Auditweave;
import dev.auditweave.agent.EventEnricher;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The context's {@link EventEnricher} and {@link ActorResolver} beans, handed to auditweave while the context runs:
 * {@link #add()} when it starts ({@code Auditweave.addEnricher}, {@code Auditweave.addActorResolver}, in the beans'
 * order), {@link #remove()} when it stops, after the queued events were drained (so that they are still enriched).
 * With the {@code -javaagent} attached the facade hands them to the agent's runtime, which shares both interfaces
 * with the application.
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
    private final List<EventEnricher> addedEnrichers = new ArrayList<>();
    private final List<ActorResolver> addedResolvers = new ArrayList<>();

    ExtensionBeans(ObjectProvider<EventEnricher> enrichers, ObjectProvider<ActorResolver> resolvers) {
        this.enrichers = enrichers;
        this.resolvers = resolvers;
    }

    /**
     * Adds every bean of both types.
     *
     * @throws IllegalArgumentException for an enricher without a name, naming its class; nothing stays added
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
        } catch (RuntimeException e) {
            remove();
            throw e;
        }
    }

    /** Removes what {@link #add()} added. */
    synchronized void remove() {
        addedEnrichers.forEach(Auditweave::removeEnricher);
        addedResolvers.forEach(Auditweave::removeActorResolver);
        addedEnrichers.clear();
        addedResolvers.clear();
    }
}
