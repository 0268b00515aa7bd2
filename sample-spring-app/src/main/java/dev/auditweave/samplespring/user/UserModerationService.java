package dev.auditweave.samplespring.user;

import dev.auditweave.annotations.EmitsAbuseEvent;
import dev.auditweave.annotations.Field;
import dev.auditweave.samplespring.EventTypes;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Blocks and unblocks users on behalf of an administrator. {@code user.blocked} is declared on
 * {@link UserRepository#blockUser}; {@code user.unblocked} here, on the service.
 */
@Service
@Transactional
public class UserModerationService {

    private final UserRepository users;

    public UserModerationService(UserRepository users) {
        this.users = users;
    }

    /** Returns the rows updated: 0 when the user was already blocked or does not exist. */
    public int block(String userId, String reason, String actorEmail) {
        return users.blockUser(userId, reason, actorEmail);
    }

    /** Returns the rows updated: 0 when the user was not blocked or does not exist. Emits only when it changed one. */
    @EmitsAbuseEvent(type = EventTypes.USER_UNBLOCKED, when = "RETURNED_ROWS > 0", data = {
            @Field(name = "kilo_user_id", value = "userId"),
            @Field(name = "actor_email", value = "actorEmail")})
    public int unblock(String userId, String actorEmail) {
        return users.unblockUser(userId);
    }
}
