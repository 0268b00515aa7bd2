package dev.auditweave.sample;

import dev.auditweave.annotations.EmitsAbuseEvent;
import dev.auditweave.annotations.Field;
import java.sql.SQLException;

/** Onboarding: the one-time claim of the welcome offer. */
public class OnboardingService {

    private final Database database;

    public OnboardingService(Database database) {
        this.database = database;
    }

    /** Claims onboarding once; returns the rows changed: 0 when it was already claimed or the user is unknown. */
    @EmitsAbuseEvent(type = EventTypes.ONBOARDING_CLAIMED, when = "RETURNED_ROWS > 0", data = {
            @Field(name = "kilo_user_id", value = "userId")})
    public int claim(String userId) throws SQLException {
        return database.update("UPDATE users SET onboarding_claimed_at = CURRENT_TIMESTAMP "
                + "WHERE id = ? AND onboarding_claimed_at IS NULL", userId);
    }
}
