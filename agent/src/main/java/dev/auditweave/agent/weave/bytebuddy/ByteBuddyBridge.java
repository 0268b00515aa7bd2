package dev.auditweave.agent.weave.bytebuddy;

import dev.auditweave.agent.capture.Capture;
import dev.auditweave.agent.log.RateLimitedLogger;
import org.slf4j.LoggerFactory;

/**
 * What the inlined advice calls: resolve the plan by slot, then the shared capture step, in Capture's two
 * steps ({@link #select} without the arguments, {@link #afterReturn} with them) so that the advice builds its
 * arguments array only when an event may fire.
 */
public final class ByteBuddyBridge {

    private static final RateLimitedLogger WARN = new RateLimitedLogger(LoggerFactory.getLogger(ByteBuddyBridge.class), 60);

    private ByteBuddyBridge() {
    }

    /** {@link Capture#select}: 0 when nothing of the method can fire for {@code result}. Never throws. */
    public static long select(int planId, Class<?> type, Object result) {
        try {
            return Capture.select(PlanSlots.plan(planId, type), result);
        } catch (Throwable t) {
            WARN.warn("bridge|" + planId, "auditweave: could not capture a call in {}: {}", type.getName(), t.toString());
            return 0L;
        }
    }

    /** Step two, with the arguments, for what {@link #select} selected. Never throws. */
    public static void afterReturn(int planId, Class<?> type, Object[] args, Object result, long selected) {
        try {
            Capture.afterReturn(PlanSlots.plan(planId, type), args, result, selected);
        } catch (Throwable t) {
            WARN.warn("bridge|" + planId, "auditweave: could not capture a call in {}: {}", type.getName(), t.toString());
        }
    }

    /** Both steps at once, for callers that already hold the arguments. Never throws. */
    public static void afterReturn(int planId, Class<?> type, Object[] args, Object result) {
        long selected = select(planId, type, result);
        if (selected != 0L) {
            afterReturn(planId, type, args, result, selected);
        }
    }
}
