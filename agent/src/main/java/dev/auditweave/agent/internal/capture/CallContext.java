package dev.auditweave.agent.internal.capture;

import dev.auditweave.agent.internal.context.LogContexts;
import dev.auditweave.agent.internal.context.Requests;
import dev.auditweave.agent.internal.context.Traces;
import dev.auditweave.agent.internal.expr.ContextRoot;
import dev.auditweave.agent.internal.plan.EmitPlan;
import dev.auditweave.agent.internal.runtime.AuditweaveRuntime;
import java.util.Arrays;

/**
 * The context of one call that its firing annotations read ({@link ContextRoot}: {@code ACTOR}, {@code REQUEST},
 * {@code TRACE}, {@code MDC}), resolved on the calling thread as the method returns and appended to a copy of the
 * arguments, each in its slot after the parameters. Only the roots some selected annotation reads are resolved; a
 * call that reads none gets its very arguments back, with no copy. Never throws: each resolver counts and logs its
 * own failure and leaves its root {@code null}.
 *
 * <pre>{@code
 * Object[] arguments = CallContext.append(args, plan, selected, runtime);   // {userId, actor, request, null, null}
 * }</pre>
 */
final class CallContext {

    private CallContext() {
    }

    /** {@code args} with the context roots that the {@code selected} annotations of {@code plan} read. */
    static Object[] append(Object[] args, EmitPlan plan, long selected, AuditweaveRuntime runtime) {
        int roots = plan.contextRoots(selected);
        if (roots == 0) {
            return args;
        }
        int parameters = args == null ? 0 : args.length;
        Object[] arguments = args == null ? new Object[ContextRoot.COUNT]
                : Arrays.copyOf(args, parameters + ContextRoot.COUNT);
        Class<?> caller = plan.caller();
        if (ContextRoot.ACTOR.isIn(roots)) {
            arguments[parameters + ContextRoot.ACTOR.offset()] = Actors.resolve(caller, runtime.counters());
        }
        if (ContextRoot.REQUEST.isIn(roots)) {
            arguments[parameters + ContextRoot.REQUEST.offset()] = Requests.resolve(caller, runtime.trustedProxies(),
                    runtime.counters());
        }
        if (ContextRoot.TRACE.isIn(roots)) {
            arguments[parameters + ContextRoot.TRACE.offset()] = Traces.resolve(caller, runtime.counters());
        }
        if (ContextRoot.MDC.isIn(roots)) {
            arguments[parameters + ContextRoot.MDC.offset()] = LogContexts.resolve(caller, runtime.counters());
        }
        return arguments;
    }
}
