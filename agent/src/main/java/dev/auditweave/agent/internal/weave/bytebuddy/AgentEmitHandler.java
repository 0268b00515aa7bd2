package dev.auditweave.agent.internal.weave.bytebuddy;

import dev.auditweave.agent.internal.capture.Capture;
import dev.auditweave.agent.internal.capture.MethodCapture;
import dev.auditweave.agent.internal.log.Loggers;
import dev.auditweave.agent.internal.log.RateLimitedLogger;
import dev.auditweave.agent.internal.plan.EmitPlan;
import dev.auditweave.bootstrap.EmitHandler;
import dev.auditweave.bootstrap.RuntimeControl;
import dev.auditweave.bootstrap.Selected;
import java.lang.reflect.Method;

/**
 * The agent's side of {@link dev.auditweave.bootstrap.EmitBridge}: resolve the plan by slot, then the shared
 * capture step, in Capture's two steps ({@link #select} without the arguments, {@link #afterReturn} with them; after
 * a throw {@link #selectThrown} and {@link #afterThrow}) so that the advice builds its arguments array only when an
 * event may fire. A woven copy of auditweave in the
 * application hands its calls here by method, so that one runtime serves the JVM.
 */
final class AgentEmitHandler implements EmitHandler {

    private static final RateLimitedLogger WARN =
            new RateLimitedLogger(Loggers.get(AgentEmitHandler.class), 60);

    private final RuntimeControl control;

    AgentEmitHandler(RuntimeControl control) {
        this.control = control;
    }

    @Override
    public long select(int planId, Class<?> type, Object result, Object a0, Object a1, Object a2, Object a3,
                       Object a4, Object a5) {
        try {
            EmitPlan plan = PlanSlots.plan(planId, type);
            // A primitive parameter reaches here as null: the advice answers that ask with the boxed argument.
            return plan.asksPrimitive() ? Capture.select(plan, result)
                    : Capture.select(plan, result, a0, a1, a2, a3, a4, a5);
        } catch (Throwable t) {
            failed(planId, type, t);
            return 0L;
        }
    }

    @Override
    public long selectArgument(int planId, Class<?> type, long asked, Object argument) {
        try {
            return Capture.selectArgument(PlanSlots.plan(planId, type), asked, argument);
        } catch (Throwable t) {
            failed(planId, type, t);
            return Selected.candidates(asked);
        }
    }

    @Override
    public void afterReturn(int planId, Class<?> type, Object self, Object[] args, Object result, long selected) {
        try {
            EmitPlan plan = PlanSlots.plan(planId, type);
            if (self == null || plan.runsFor(self.getClass())) {
                Capture.afterReturn(plan, args, result, selected);
            }
        } catch (Throwable t) {
            failed(planId, type, t);
        }
    }

    @Override
    public long selectThrown(int planId, Class<?> type, Throwable thrown) {
        try {
            return Capture.selectThrown(PlanSlots.plan(planId, type), thrown);
        } catch (Throwable t) {
            failed(planId, type, t);
            return 0L;
        }
    }

    @Override
    public void afterThrow(int planId, Class<?> type, Object self, Object[] args, Throwable thrown, long selected) {
        try {
            EmitPlan plan = PlanSlots.plan(planId, type);
            if (self == null || plan.runsFor(self.getClass())) {
                Capture.afterThrow(plan, args, thrown, selected);
            }
        } catch (Throwable t) {
            failed(planId, type, t);
        }
    }

    @Override
    public Object afterPublisher(int planId, Class<?> type, Object self, Object[] args, Object publisher) {
        try {
            EmitPlan plan = PlanSlots.plan(planId, type);
            return self == null || plan.runsFor(self.getClass()) ? Capture.afterPublisher(plan, args, publisher)
                    : publisher;
        } catch (Throwable t) {
            failed(planId, type, t);
            return publisher;
        }
    }

    @Override
    public long select(Method method, Object result) {
        return MethodCapture.select(method, result);
    }

    @Override
    public long selectArgument(Method method, long asked, Object argument) {
        return MethodCapture.selectArgument(method, asked, argument);
    }

    @Override
    public void afterReturn(Method method, Object[] args, Object result, long selected) {
        MethodCapture.afterReturn(method, args, result, selected);
    }

    @Override
    public long selectThrown(Method method, Throwable thrown) {
        return MethodCapture.selectThrown(method, thrown);
    }

    @Override
    public void afterThrow(Method method, Object[] args, Throwable thrown, long selected) {
        MethodCapture.afterThrow(method, args, thrown, selected);
    }

    @Override
    public Object afterPublisher(Method method, Object[] args, Object publisher) {
        return MethodCapture.afterPublisher(method, args, publisher);
    }

    @Override
    public RuntimeControl control() {
        return control;
    }

    private static void failed(int planId, Class<?> type, Throwable t) {
        WARN.warn("bridge|" + planId, "auditweave: could not capture a call in {}: {}", type.getName(), t.toString());
    }
}
