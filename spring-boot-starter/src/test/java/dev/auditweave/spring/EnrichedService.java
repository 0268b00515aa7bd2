package dev.auditweave.spring;

import dev.auditweave.agent.internal.capture.Capture;
import dev.auditweave.annotations.EmitsAbuseEvent;
import dev.auditweave.annotations.Field;
import java.lang.reflect.Method;

/** A bean whose event a bean enricher completes. Not woven: {@link #emit} does what the woven advice does. */
public class EnrichedService {

    @EmitsAbuseEvent(type = "auth.signin", enrich = "beanMemberships", data = @Field(name = "kilo_user_id", value = "userId"))
    public String signIn(String userId) {
        return "session-" + userId;
    }

    /** What the AspectJ advice does after {@code signIn(userId)} returned. */
    static void emit(String userId) {
        try {
            Method method = EnrichedService.class.getMethod("signIn", String.class);
            String result = "session-" + userId;
            long selected = Capture.select(method, result);
            if (selected != 0L) {
                Capture.afterReturn(method, new Object[] {userId}, result, selected);
            }
        } catch (NoSuchMethodException e) {
            throw new AssertionError(e);
        }
    }
}
