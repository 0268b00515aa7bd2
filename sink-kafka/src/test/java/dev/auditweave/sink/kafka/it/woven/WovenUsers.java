package dev.auditweave.sink.kafka.it.woven;

import dev.auditweave.annotations.EmitsAbuseEvent;
import dev.auditweave.annotations.Field;

/** The user service of the woven mode: compiled by ajc with the agent's aspect library (see the pom). */
public final class WovenUsers {

    @EmitsAbuseEvent(type = "user.blocked", data = {@Field(name = "kilo_user_id", value = "userId"),
            @Field(name = "reason", value = "reason")})
    public int blockUser(String userId, String reason) {
        return 1;
    }
}
