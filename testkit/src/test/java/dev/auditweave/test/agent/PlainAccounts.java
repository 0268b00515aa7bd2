package dev.auditweave.test.agent;

import dev.auditweave.annotations.EmitsAbuseEvent;
import dev.auditweave.annotations.Field;
import java.util.concurrent.CompletableFuture;

/**
 * The same annotated methods as {@code dev.auditweave.test.fixtures.Accounts}, compiled by javac alone (the kit's
 * build leaves this package out of ajc), so that under the {@code -javaagent} only the agent instruments them.
 */
public class PlainAccounts {

    /** The name of the enricher {@link #signIn} asks for; tests add one under it. */
    public static final String MEMBERSHIPS = "kitMemberships";

    /** Fires only when a row changed: {@code rows} is what the UPDATE would have returned. */
    @EmitsAbuseEvent(type = "user.blocked", when = "RETURNED_ROWS > 0", data = {
            @Field(name = "kilo_user_id", value = "userId"), @Field(name = "reason", value = "reason")})
    public int block(String userId, String reason, int rows) {
        return rows;
    }

    @EmitsAbuseEvent(type = "user.deleted", data = @Field(name = "kilo_user_id", value = "userId"))
    public int delete(String userId) {
        return 1;
    }

    @EmitsAbuseEvent(type = "billing.credit_purchased", data = {
            @Field(name = "kilo_user_id", value = "userId"), @Field(name = "microdollars_acquired", value = "result")})
    public CompletableFuture<Long> purchase(String userId, CompletableFuture<Long> payment) {
        return payment;
    }

    @EmitsAbuseEvent(type = "signin", enrich = MEMBERSHIPS, data = @Field(name = "kilo_user_id", value = "userId"))
    public String signIn(String userId) {
        return userId;
    }
}
