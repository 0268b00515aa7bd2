package dev.auditweave.annotations;

/**
 * When an event leaves, relative to the transaction the annotated method ran in.
 *
 * <pre>{@code
 * @EmitsAbuseEvent(type = "user.deleted", data = @Field(name = "kilo_user_id", value = "userId"))
 * public void deleteUser(String userId) { ... }        // AFTER_COMMIT: sent only if the transaction commits
 *
 * @EmitsAbuseEvent(type = "auth.attempted", phase = Phase.IMMEDIATE, data = ...)
 * public void signIn(Credentials credentials) { ... }  // sent as soon as the method returns, commit or not
 * }</pre>
 */
public enum Phase {

    /**
     * The default. When a transaction is active on the calling thread as the method returns (Spring, JTA, or one
     * opened with {@code Auditweave.beginTransaction()}), the event waits for it: it is sent after the commit and
     * dropped, counted as {@code droppedRollback}, when the transaction rolls back, is marked rollback-only, or
     * fails to commit. Without a transaction the event is sent at once.
     */
    AFTER_COMMIT,

    /** The event is sent as soon as the method returns, whatever becomes of a surrounding transaction. */
    IMMEDIATE
}
