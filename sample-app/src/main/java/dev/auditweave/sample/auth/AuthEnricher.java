package dev.auditweave.sample.auth;

import dev.auditweave.agent.EventEnricher;
import dev.auditweave.sample.Database;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Adds {@code auth_providers} and {@code org_memberships} to an auth event: two database look-ups, which auditweave
 * runs off the calling thread after the sign-up's commit (field notes, bug class 6: when they throw, the event is
 * still sent, without these fields, and the sign-in is never affected).
 *
 * <pre>{@code
 * @EmitsAbuseEvent(type = EventTypes.AUTH_SIGNIN, enrich = AuthEnricher.NAME,
 *     data = @Field(name = "kilo_user_id", value = "result.userId"))
 * }</pre>
 *
 * <p>Found by {@link java.util.ServiceLoader} through {@code META-INF/services/dev.auditweave.agent.EventEnricher},
 * so it is created without arguments; it reads the database that the application named with {@link #readFrom}
 * ({@code SampleServices} does as it starts). Until then it has none and throws.
 */
public final class AuthEnricher implements EventEnricher {

    /** The name annotations give in {@code enrich}. */
    public static final String NAME = "authIdentity";

    private static volatile AuthLookups lookups;

    /** The database the enricher reads from now on (the application's one). */
    public static void readFrom(Database database) {
        lookups = new AuthLookups(database);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Map<String, ?> enrich(String type, Map<String, Object> data) throws Exception {
        AuthLookups source = lookups;
        if (source == null) {
            throw new IllegalStateException("no database to look up auth providers and memberships in: "
                    + "call AuthEnricher.readFrom(database) first");
        }
        Object userId = data.get("kilo_user_id");
        if (!(userId instanceof String id)) {
            throw new IllegalArgumentException("event " + type + " has no kilo_user_id to look up, it has "
                    + data.keySet());
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("auth_providers", source.authProviders(id));
        fields.put("org_memberships", source.orgMemberships(id));
        return fields;
    }
}
