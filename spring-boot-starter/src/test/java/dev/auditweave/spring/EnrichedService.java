package dev.auditweave.spring;

import dev.auditweave.agent.internal.capture.MethodCapture;
import dev.auditweave.annotations.EmitsAbuseEvent;
import dev.auditweave.annotations.Field;
import java.lang.reflect.Method;

/** A bean whose events a bean enricher or a bean request resolver completes. Not woven: {@link #emit} does what the woven advice does. */
public class EnrichedService {

    @EmitsAbuseEvent(type = "auth.signin", enrich = "beanMemberships", data = @Field(name = "kilo_user_id", value = "userId"))
    public String signIn(String userId) {
        return "session-" + userId;
    }

    @EmitsAbuseEvent(type = "user.blocked", data = {@Field(name = "kilo_user_id", value = "userId"),
            @Field(name = "ip_address", value = "REQUEST.ip")})
    public String block(String userId) {
        return "blocked-" + userId;
    }

    /** What the AspectJ advice does after {@code signIn(userId)} returned. */
    static void emit(String userId) {
        emit("signIn", "session-", userId);
    }

    /** What the AspectJ advice does after {@code block(userId)} returned. */
    static void emitBlock(String userId) {
        emit("block", "blocked-", userId);
    }

    private static void emit(String name, String resultPrefix, String userId) {
        try {
            Method method = EnrichedService.class.getMethod(name, String.class);
            String result = resultPrefix + userId;
            long selected = MethodCapture.select(method, result);
            if (selected != 0L) {
                MethodCapture.afterReturn(method, new Object[] {userId}, result, selected);
            }
        } catch (NoSuchMethodException e) {
            throw new AssertionError(e);
        }
    }
}
