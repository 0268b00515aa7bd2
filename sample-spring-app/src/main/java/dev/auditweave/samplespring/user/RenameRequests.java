package dev.auditweave.samplespring.user;

import dev.auditweave.annotations.EmitsAbuseEvent;
import dev.auditweave.annotations.Field;
import dev.auditweave.annotations.Phase;
import dev.auditweave.samplespring.EventTypes;
import org.springframework.stereotype.Component;

/**
 * Where a rename request enters: {@code user.rename_requested} keeps a trail of every request, so its phase is
 * {@code IMMEDIATE}: it leaves as soon as the request is accepted, whether or not the rename is committed later.
 */
@Component
public class RenameRequests {

    /** The requested name without surrounding blanks; a blank one is refused. */
    @EmitsAbuseEvent(type = EventTypes.USER_RENAME_REQUESTED, phase = Phase.IMMEDIATE, data = {
            @Field(name = "kilo_user_id", value = "userId"),
            @Field(name = "display_name", value = "result")})
    public String accept(String userId, String requestedName) {
        String name = requestedName.strip();
        if (name.isEmpty()) {
            throw new IllegalArgumentException("a display name must not be blank");
        }
        return name;
    }
}
