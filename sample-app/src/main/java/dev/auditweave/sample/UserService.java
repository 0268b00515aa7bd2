package dev.auditweave.sample;

import dev.auditweave.annotations.EmitsAbuseEvent;
import dev.auditweave.annotations.Field;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/** Users: registration (the account rows of a sign-up), block and unblock, cohorts, email changes, deletion. */
public class UserService {

    private final Database database;
    private final UserRecords records;

    public UserService(Database database) {
        this.database = database;
        this.records = new UserRecords(database);
    }

    /**
     * Creates a user with an active free subscription. Emits nothing itself: a sign-up is
     * {@code AuthService.signUp}, which calls this and sends the auth event.
     */
    public void register(String userId, String email) throws SQLException {
        database.inTransaction(connection -> {
            Jdbc.update(connection, "INSERT INTO users(id, email) VALUES (?, ?)", userId, email);
            Jdbc.update(connection, "INSERT INTO subscriptions(user_id, tier, status) VALUES (?, ?, 'active')",
                    userId, Tier.FREE.name());
            return null;
        });
    }

    /**
     * Blocks the user; returns the rows changed: 0 when the user is unknown or already blocked. Who blocked is not
     * an argument: it is the caller of the request ({@code ACTOR}, from {@code SampleActorResolver}), a signed-in
     * admin (their email) or the Admin API (no email, the label "Admin API").
     */
    @EmitsAbuseEvent(type = EventTypes.USER_BLOCKED, when = "RETURNED_ROWS > 0", data = {
            @Field(name = "kilo_user_id", value = "userId"),
            @Field(name = "reason", value = "reason"),
            @Field(name = "actor_email", value = "ACTOR.id"),
            @Field(name = "actor_label", value = "ACTOR.label")})
    public int blockUser(String userId, String reason) throws SQLException {
        return database.update("UPDATE users SET blocked = TRUE, blocked_reason = ? WHERE id = ? AND blocked = FALSE",
                reason, userId);
    }

    /** Unblocks the user; returns the rows changed: 0 when the user is unknown or not blocked. The actor as above. */
    @EmitsAbuseEvent(type = EventTypes.USER_UNBLOCKED, when = "RETURNED_ROWS > 0", data = {
            @Field(name = "kilo_user_id", value = "userId"),
            @Field(name = "reason", value = "reason"),
            @Field(name = "actor_email", value = "ACTOR.id"),
            @Field(name = "actor_label", value = "ACTOR.label")})
    public int unblockUser(String userId, String reason) throws SQLException {
        return database.update("UPDATE users SET blocked = FALSE, blocked_reason = NULL WHERE id = ? AND blocked = TRUE",
                userId);
    }

    /**
     * Puts the user into a cohort (no event: the cohorts go out with the next sign-in's auth event); returns the
     * rows changed, 0 when the user is unknown or already in it.
     */
    public int addCohort(String userId, String cohort) throws SQLException {
        return database.update("UPDATE users SET cohorts = CASE WHEN cohorts = '' THEN ? ELSE cohorts || ',' || ? END "
                + "WHERE id = ? AND POSITION(',' || ? || ',', ',' || cohorts || ',') = 0", cohort, cohort, userId, cohort);
    }

    /**
     * Changes the user's email; the previous address is read in the same transaction and returned. Inside a
     * transaction open on this thread (a batch of {@link #changeEmails}), it joins it, and its event waits for
     * that transaction's outcome.
     */
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
     * Changes the addresses of several users in one transaction, in order: all or none. When one fails (its
     * new address is taken), the whole batch rolls back, and the changes that had returned already are not sent.
     */
    public List<EmailChange> changeEmails(List<NewEmail> changes) throws SQLException {
        return database.inTransaction(connection -> {
            List<EmailChange> done = new ArrayList<>();
            for (NewEmail change : changes) {
                done.add(changeEmail(change.userId(), change.email()));
            }
            return done;
        });
    }

    /**
     * Deletes the user and what belongs to them, in one transaction; returns the users deleted (0 or 1). The
     * row goes first ({@link UserRecords#delete}, which emits {@code user.deleted}); the precondition is checked
     * after it, inside the transaction: the user owns no organization. When it fails, the method throws,
     * everything rolls back, and the event that the delete produced is dropped.
     */
    public int deleteUser(String userId) throws SQLException {
        return database.inTransaction(connection -> {
            Jdbc.update(connection, "DELETE FROM memberships WHERE user_id = ?", userId);
            Jdbc.update(connection, "DELETE FROM credit_purchases WHERE user_id = ?", userId);
            Jdbc.update(connection, "DELETE FROM subscriptions WHERE user_id = ?", userId);
            Jdbc.update(connection, "DELETE FROM kilo_passes WHERE user_id = ?", userId);
            Jdbc.update(connection, "DELETE FROM auth_providers WHERE user_id = ?", userId);
            int deleted = records.delete(userId);
            String owned = Jdbc.queryString(connection,
                    "SELECT id FROM organizations WHERE owner_id = ? ORDER BY id LIMIT 1", userId).orElse(null);
            if (owned != null) {
                throw new IllegalStateException(
                        "user " + userId + " still owns organization " + owned + ": delete or transfer it first");
            }
            return deleted;
        });
    }

    /** The user's email address; empty when there is no such user. */
    public Optional<String> email(String userId) throws SQLException {
        try (var connection = database.connection()) {
            return Jdbc.queryString(connection, "SELECT email FROM users WHERE id = ?", userId);
        }
    }
}
