package dev.auditweave.agent.weave.bytebuddy;

import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * Inlined at the normal exit of every annotated method; runs only on a normal return (no
 * {@code onThrowable}), so a method that throws emits nothing and its exception passes untouched.
 * Anything the advice itself throws is suppressed.
 *
 * <p>Inlined advice materialises {@code @Advice.AllArguments} (a new array) and a dynamically typed
 * {@code @Advice.Return} (a box for a primitive) at every read of the parameter. So the result is read once, and
 * {@code args} only inside the branch taken when {@link ByteBuddyBridge#select} says an event may fire: a call
 * whose result-only guard is false allocates no arguments array.
 */
final class EmitAdvice {

    private EmitAdvice() {
    }

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void exit(@PlanId int planId,
                     @Advice.Origin Class<?> type,
                     @Advice.AllArguments Object[] args,
                     @Advice.Return(typing = Assigner.Typing.DYNAMIC) Object result) {
        Object returned = result;
        long selected = ByteBuddyBridge.select(planId, type, returned);
        if (selected != 0L) {
            ByteBuddyBridge.afterReturn(planId, type, args, returned, selected);
        }
    }
}
