package dev.auditweave.agent.internal.event;

import java.util.List;
import java.util.Objects;

/**
 * What an event needs to be enriched off the calling thread: the names its annotation lists in {@code enrich}, in
 * order, and the class loader of the annotated method's class, through which {@link java.util.ServiceLoader} finds
 * the application's enrichers (under the {@code -javaagent}, auditweave's own loader cannot see them).
 *
 * <pre>{@code
 * EnrichRequest request = new EnrichRequest(List.of("orgMemberships"), UserService.class.getClassLoader());
 * }</pre>
 *
 * @param enrichers the enricher names, in order; not empty
 * @param loader    the class loader of the annotated method's class; {@code null} for the system class loader
 */
public record EnrichRequest(List<String> enrichers, ClassLoader loader) {

    public EnrichRequest {
        enrichers = List.copyOf(Objects.requireNonNull(enrichers, "enrichers"));
        if (enrichers.isEmpty()) {
            throw new IllegalArgumentException("an enrich request names at least one enricher");
        }
    }
}
