package dev.auditweave.spring;

import dev.auditweave.agent.internal.capture.MethodCapture;
import dev.auditweave.annotations.EmitsAbuseEvent;
import dev.auditweave.annotations.Field;
import java.lang.reflect.Method;

/** A bean with one valid and one broken annotation. Not woven: {@link #emit} does what the woven advice does. */
public class SampleService {

    @EmitsAbuseEvent(type = "user.blocked", when = "RETURNED_ROWS > 0",
            data = @Field(name = "user_id", value = "userId"))
    public int blockUser(String userId) {
        return 1;
    }

    @EmitsAbuseEvent(type = "user.broken", when = "rowz > 0")
    public int broken(String userId) {
        return 1;
    }

    /** What the AspectJ advice does after {@code blockUser(userId)} returned {@code rows}. */
    static void emit(String userId, int rows) {
        Method method = blockUser();
        long selected = MethodCapture.select(method, rows);
        if (selected != 0L) {
            MethodCapture.afterReturn(method, new Object[] {userId}, rows, selected);
        }
    }

    static Method blockUser() {
        try {
            return SampleService.class.getMethod("blockUser", String.class);
        } catch (NoSuchMethodException e) {
            throw new AssertionError(e);
        }
    }
}
