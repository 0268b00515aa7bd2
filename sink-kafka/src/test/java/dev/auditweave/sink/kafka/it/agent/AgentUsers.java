package dev.auditweave.sink.kafka.it.agent;

import dev.auditweave.annotations.EmitsAbuseEvent;
import dev.auditweave.annotations.Field;

/** The user service of the agent mode: compiled by plain javac, woven by the -javaagent in the child JVM. */
public final class AgentUsers {

    @EmitsAbuseEvent(type = "user.blocked", data = {@Field(name = "kilo_user_id", value = "userId"),
            @Field(name = "reason", value = "reason")})
    public int blockUser(String userId, String reason) {
        return 1;
    }
}
