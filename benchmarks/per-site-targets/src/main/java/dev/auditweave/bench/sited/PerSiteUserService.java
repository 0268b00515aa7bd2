package dev.auditweave.bench.sited;

import dev.auditweave.annotations.EmitsAbuseEvent;
import dev.auditweave.annotations.Field;

/**
 * The benchmark target, woven at build time by ajc with the per-site aspect that auditweave-processor writes for it
 * ({@code PerSiteUserService_AuditweaveSites}). Same shape as {@code dev.auditweave.bench.woven.WovenUserService}
 * (woven with the aspect library) and {@code PlainUserService} (the un-instrumented baseline): the method returns the
 * rows "updated", so {@code rows = 0} makes the guard false and {@code rows = 1} makes it true.
 */
public class PerSiteUserService {

    private int rows;

    public void setRows(int rows) {
        this.rows = rows;
    }

    /** Guard reads only the result: the guard-false path must not allocate. */
    @EmitsAbuseEvent(type = "user.blocked", when = "RETURNED_ROWS > 0",
            data = {@Field(name = "kilo_user_id", value = "userId"), @Field(name = "reason", value = "reason")})
    public int blockUser(String userId, String reason) {
        return rows;
    }

    /** Guard also reads an argument: the arguments must be handed to the guard. */
    @EmitsAbuseEvent(type = "user.unblocked", when = "reason != null && RETURNED_ROWS > 0",
            data = {@Field(name = "kilo_user_id", value = "userId"), @Field(name = "reason", value = "reason")})
    public int unblockUser(String userId, String reason) {
        return rows;
    }

    /**
     * Guard reads only an argument ({@code reason} is "spam" in the benchmark, so it is false): the weaver builds the
     * arguments array before the guard can be asked, the one guard-false shape that still allocates.
     */
    @EmitsAbuseEvent(type = "user.flagged", when = "reason == 'fraud'",
            data = {@Field(name = "kilo_user_id", value = "userId"), @Field(name = "reason", value = "reason")})
    public int flagUser(String userId, String reason) {
        return rows;
    }
}
