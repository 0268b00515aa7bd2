package dev.auditweave.samplespring.user;

import dev.auditweave.annotations.EmitsAbuseEvent;
import dev.auditweave.annotations.Field;
import dev.auditweave.samplespring.EventTypes;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/**
 * Users. Blocking and unblocking are single conditional UPDATEs: blocking a user who is already blocked (or does
 * not exist) matches no row and returns 0.
 */
public interface UserRepository extends JpaRepository<AppUser, String> {

    /** Blocks the user unless already blocked; returns the rows updated (0 or 1). Emits only when it changed one. */
    @EmitsAbuseEvent(type = EventTypes.USER_BLOCKED, when = "RETURNED_ROWS > 0", data = {
            @Field(name = "kilo_user_id", value = "userId"),
            @Field(name = "reason", value = "reason"),
            @Field(name = "actor_email", value = "actorEmail")})
    @Modifying
    @Query("update AppUser u set u.blocked = true, u.blockReason = :reason, u.blockedBy = :actorEmail"
            + " where u.id = :userId and u.blocked = false")
    int blockUser(@Param("userId") String userId, @Param("reason") String reason,
                  @Param("actorEmail") String actorEmail);

    /** Unblocks the user if blocked; returns the rows updated (0 or 1). */
    @Modifying
    @Query("update AppUser u set u.blocked = false, u.blockReason = null, u.blockedBy = null"
            + " where u.id = :userId and u.blocked = true")
    int unblockUser(@Param("userId") String userId);
}
