package dev.auditweave.sample;

import dev.auditweave.annotations.EmitsAbuseEvent;
import dev.auditweave.annotations.Field;
import java.sql.SQLException;

/**
 * The row of the {@code users} table. Its deletion is the event {@code user.deleted}, emitted as soon as the
 * {@code DELETE} returns, which is inside the caller's transaction: auditweave holds the event until that
 * transaction commits, and drops it when a precondition checked afterwards rolls everything back (field notes,
 * bug class 3).
 */
public class UserRecords {

    private final Database database;

    public UserRecords(Database database) {
        this.database = database;
    }

    /** Deletes the user's row, in the transaction open on this thread; returns the rows deleted (0 or 1). */
    @EmitsAbuseEvent(type = EventTypes.USER_DELETED, when = "RETURNED_ROWS > 0", data = {
            @Field(name = "kilo_user_id", value = "userId")})
    public int delete(String userId) throws SQLException {
        return database.update("DELETE FROM users WHERE id = ?", userId);
    }
}
