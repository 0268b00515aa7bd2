package dev.auditweave.agent;

import java.util.Map;

/**
 * Adds fields that need a look-up (a database query, a remote call) to an event, off the calling thread. An
 * annotation names the enrichers it wants with {@code enrich}; each runs on auditweave's enrichment threads after
 * the method returned (after the commit when the event waits for one, so it sees committed data), within
 * {@code auditweave.enrich.timeout-ms}. When it throws or runs out of time, the event is still sent, without the
 * fields of that enricher; the failure is counted ({@code enrichFailed}, {@code enrichTimedOut}) and logged,
 * rate-limited. An enricher still running at the deadline is interrupted, and skipped for other events until that
 * call returns. It runs with the thread's context class loader set to the annotated class's.
 *
 * <pre>{@code
 * @EmitsAbuseEvent(type = "signin", enrich = "orgMemberships",
 *     data = @Field(name = "kilo_user_id", value = "result.userId"))
 * public Session signIn(String email, String password) { ... }
 *
 * public final class OrgMemberships implements EventEnricher {
 *     public String name() { return "orgMemberships"; }
 *     public Map<String, ?> enrich(String type, Map<String, Object> data) {
 *         return Map.of("org_memberships", memberships.of((String) data.get("kilo_user_id")));
 *     }
 * }
 * }</pre>
 *
 * <p>Found by {@link java.util.ServiceLoader} (list the class in
 * {@code META-INF/services/dev.auditweave.agent.EventEnricher}), added with {@link Auditweave#addEnricher}, or,
 * with the Spring Boot starter, any bean of this type. The returned values are copied as declared fields are; a
 * returned key that a declared field already has is ignored (the declared field wins).
 */
public interface EventEnricher {

    /** The name annotations refer to in {@code enrich}, for example {@code "orgMemberships"}. */
    String name();

    /**
     * The fields to add to the event.
     *
     * @param type the event's type
     * @param data the event's declared fields, unmodifiable
     * @return the fields to add; {@code null} or empty for none
     * @throws Exception whatever the look-up throws: the event is sent without these fields
     */
    Map<String, ?> enrich(String type, Map<String, Object> data) throws Exception;
}
