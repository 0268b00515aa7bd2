package dev.auditweave.agent.weave.bytebuddy;

import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * Inlined at the normal exit of every annotated method; runs only on a normal return (no
 * {@code onThrowable}), so a method that throws emits nothing and its exception passes untouched.
 * Anything the advice itself throws is suppressed.
 */
final class EmitAdvice {

    private EmitAdvice() {
    }

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void exit(@PlanId int planId,
                     @Advice.Origin Class<?> type,
                     @Advice.AllArguments Object[] args,
                     @Advice.Return(typing = Assigner.Typing.DYNAMIC) Object result) {
        ByteBuddyBridge.afterReturn(planId, type, args, result);
    }
}
