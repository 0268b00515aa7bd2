package dev.auditweave.agent.weave.bytebuddy;

import dev.auditweave.agent.capture.Capture;
import dev.auditweave.agent.log.RateLimitedLogger;
import org.slf4j.LoggerFactory;

/** What the inlined advice calls: resolve the plan by slot, then the shared capture step. */
public final class ByteBuddyBridge {

    private static final RateLimitedLogger WARN = new RateLimitedLogger(LoggerFactory.getLogger(ByteBuddyBridge.class), 60);

    private ByteBuddyBridge() {
    }

    public static void afterReturn(int planId, Class<?> type, Object[] args, Object result) {
        try {
            Capture.afterReturn(PlanSlots.plan(planId, type), args, result);
        } catch (Throwable t) {
            WARN.warn("bridge|" + planId, "auditweave: could not capture a call in {}: {}", type.getName(), t.toString());
        }
    }
}
