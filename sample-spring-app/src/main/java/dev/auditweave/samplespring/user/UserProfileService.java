package dev.auditweave.samplespring.user;

import dev.auditweave.annotations.EmitsAbuseEvent;
import dev.auditweave.annotations.Field;
import dev.auditweave.samplespring.EventTypes;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Renames users. {@code user.renamed} has the default phase, {@code AFTER_COMMIT}: it leaves only once the
 * transaction the rename ran in committed, and never when that transaction rolls back, whoever rolls it back (an
 * outer service method that throws or marks it rollback-only, or the commit itself, when the new name is taken).
 */
@Service
@Transactional
public class UserProfileService {

    private final UserRepository users;

    public UserProfileService(UserRepository users) {
        this.users = users;
    }

    /**
     * Renames the user in the transaction of the caller (or a new one); returns whether the name changed. A name
     * another user has fails the commit: the unique constraint is checked when Hibernate flushes the change.
     */
    @EmitsAbuseEvent(type = EventTypes.USER_RENAMED, when = "RESULT", data = {
            @Field(name = "kilo_user_id", value = "userId"),
            @Field(name = "display_name", value = "displayName")})
    public boolean rename(String userId, String displayName) {
        return users.findById(userId).map(user -> user.rename(displayName)).orElse(false);
    }

    /** As {@link #rename}, always in a transaction of its own, which commits whatever becomes of the caller's. */
    @EmitsAbuseEvent(type = EventTypes.USER_RENAMED, when = "RESULT", data = {
            @Field(name = "kilo_user_id", value = "userId"),
            @Field(name = "display_name", value = "displayName")})
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public boolean renameInOwnTransaction(String userId, String displayName) {
        return users.findById(userId).map(user -> user.rename(displayName)).orElse(false);
    }

    /** The user as the API shows it, or {@code null} when there is none. */
    @Transactional(readOnly = true)
    public UserView find(String userId) {
        return users.findById(userId)
                .map(user -> new UserView(user.getId(), user.getDisplayName(), user.isBlocked()))
                .orElse(null);
    }
}
