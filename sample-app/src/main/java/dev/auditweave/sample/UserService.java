package dev.auditweave.sample;

import dev.auditweave.annotations.EmitsAbuseEvent;
import dev.auditweave.annotations.Field;
import java.sql.SQLException;
import java.util.NoSuchElementException;

/** Users: sign-up (no event here), block and unblock, email change, deletion. */
public class UserService {

    private final Database database;

    public UserService(Database database) {
        this.database = database;
    }

    /** Creates a user with an active free subscription. Emits nothing (sign-ups go to /api/auth-event). */
    public void register(String userId, String email) throws SQLException {
        database.inTransaction(connection -> {
            Jdbc.update(connection, "INSERT INTO users(id, email) VALUES (?, ?)", userId, email);
            Jdbc.update(connection, "INSERT INTO subscriptions(user_id, tier, status) VALUES (?, ?, 'active')",
                    userId, Tier.FREE.name());
            return null;
        });
    }

    /** Blocks the user; returns the rows changed: 0 when the user is unknown or already blocked. */
    @EmitsAbuseEvent(type = EventTypes.USER_BLOCKED, when = "RETURNED_ROWS > 0", data = {
            @Field(name = "kilo_user_id", value = "userId"),
            @Field(name = "reason", value = "reason"),
            @Field(name = "actor_email", value = "actorEmail")})
    public int blockUser(String userId, String reason, String actorEmail) throws SQLException {
        return database.update("UPDATE users SET blocked = TRUE, blocked_reason = ? WHERE id = ? AND blocked = FALSE",
                reason, userId);
    }

    /** Unblocks the user; returns the rows changed: 0 when the user is unknown or not blocked. */
    @EmitsAbuseEvent(type = EventTypes.USER_UNBLOCKED, when = "RETURNED_ROWS > 0", data = {
            @Field(name = "kilo_user_id", value = "userId"),
            @Field(name = "reason", value = "reason"),
            @Field(name = "actor_email", value = "actorEmail")})
    public int unblockUser(String userId, String reason, String actorEmail) throws SQLException {
        return database.update("UPDATE users SET blocked = FALSE, blocked_reason = NULL WHERE id = ? AND blocked = TRUE",
                userId);
    }

    /** Changes the user's email; the previous address is read in the same transaction and returned. */
    @EmitsAbuseEvent(type = EventTypes.USER_EMAIL_CHANGED, data = {
            @Field(name = "kilo_user_id", value = "userId"),
            @Field(name = "previous_email", value = "result.previousEmail"),
            @Field(name = "email", value = "result.email")})
    public EmailChange changeEmail(String userId, String newEmail) throws SQLException {
        return database.inTransaction(connection -> {
            String previous = Jdbc.queryString(connection, "SELECT email FROM users WHERE id = ? FOR UPDATE", userId)
                    .orElseThrow(() -> new NoSuchElementException("no user " + userId));
            Jdbc.update(connection, "UPDATE users SET email = ? WHERE id = ?", newEmail, userId);
            return new EmailChange(userId, previous, newEmail);
        });
    }

    /**
     * Deletes the user and what belongs to them, in one transaction. Precondition, checked inside the
     * transaction after the memberships are gone: the user owns no organization. When it fails, the
     * method throws, everything rolls back, and no event is emitted.
     */
    @EmitsAbuseEvent(type = EventTypes.USER_DELETED, when = "RETURNED_ROWS > 0", data = {
            @Field(name = "kilo_user_id", value = "userId")})
    public int deleteUser(String userId) throws SQLException {
        return database.inTransaction(connection -> {
            Jdbc.update(connection, "DELETE FROM memberships WHERE user_id = ?", userId);
            Jdbc.update(connection, "DELETE FROM credit_purchases WHERE user_id = ?", userId);
            Jdbc.update(connection, "DELETE FROM subscriptions WHERE user_id = ?", userId);
            String owned = Jdbc.queryString(connection,
                    "SELECT id FROM organizations WHERE owner_id = ? ORDER BY id LIMIT 1", userId).orElse(null);
            if (owned != null) {
                throw new IllegalStateException(
                        "user " + userId + " still owns organization " + owned + ": delete or transfer it first");
            }
            return Jdbc.update(connection, "DELETE FROM users WHERE id = ?", userId);
        });
    }
}
