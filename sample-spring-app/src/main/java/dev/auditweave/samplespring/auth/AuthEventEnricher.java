package dev.auditweave.samplespring.auth;

import dev.auditweave.agent.EventEnricher;
import dev.auditweave.samplespring.org.Membership;
import dev.auditweave.samplespring.org.MembershipRepository;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Adds {@code org_memberships} (field notes §1: {@code [{organization_id, role}]}) to an auth event: a JPA look-up,
 * which auditweave runs on an enrichment thread after the commit of the sign-up's transaction, within
 * {@code auditweave.enrich.timeout-ms}. When it throws or runs past the budget, the event is still sent, without
 * {@code org_memberships}, and the sign-up is never affected (field notes, bug class 6). A Spring bean: the starter
 * hands every {@code EventEnricher} bean to auditweave as the context starts.
 *
 * <pre>{@code
 * @EmitsAbuseEvent(type = EventTypes.AUTH_SIGNUP, enrich = AuthEventEnricher.NAME,
 *     data = @Field(name = "kilo_user_id", value = "result.id"))
 * }</pre>
 */
@Component
public class AuthEventEnricher implements EventEnricher {

    /** The name annotations give in {@code enrich}. */
    public static final String NAME = "auth-context";

    private final MembershipRepository memberships;

    public AuthEventEnricher(MembershipRepository memberships) {
        this.memberships = memberships;
    }

    @Override
    public String name() {
        return NAME;
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException when the event has no {@code kilo_user_id} string, naming the fields it has
     */
    @Override
    public Map<String, ?> enrich(String type, Map<String, Object> data) {
        if (!(data.get("kilo_user_id") instanceof String userId)) {
            throw new IllegalArgumentException("event " + type + " has no kilo_user_id to look up memberships of; it"
                    + " has " + data.keySet());
        }
        List<Map<String, Object>> found = memberships.findByUserIdOrderByOrganizationId(userId).stream()
                .map(AuthEventEnricher::entry).toList();
        return Map.of("org_memberships", found);
    }

    private static Map<String, Object> entry(Membership membership) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("organization_id", membership.getOrganizationId());
        if (membership.getRole() != null) {
            entry.put("role", membership.getRole());
        }
        return entry;
    }
}
