package dev.auditweave.agent.internal.weave.bytebuddy;

import dev.auditweave.bootstrap.EmitBridge;
import dev.auditweave.bootstrap.Selected;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * Inlined at both exits of every instrumented method: a normal return fires its {@code on = RETURNED} annotations,
 * an exception its {@code on = THROWN} ones ({@code onThrowable}; the exception is only read, never replaced, and Byte
 * Buddy rethrows the very same instance after the advice). Anything the advice itself throws is suppressed. It
 * calls {@link EmitBridge}, on the bootstrap class path, which every class loader reaches.
 *
 * <p>Inlined advice materialises {@code @Advice.AllArguments} (a new array) and a dynamically typed
 * {@code @Advice.Return} or {@code @Advice.Argument} (a box for a primitive) at every read of the parameter. So the
 * result is read once, and {@code args} only inside the branch taken when {@link EmitBridge#select(int, Class, Object)}
 * (or, after a throw, {@link EmitBridge#selectThrown(int, Class, Throwable)}) says an event may fire: a call whose
 * result-only guard is false allocates no arguments array, and the normal return pays one null check for the throw
 * path. When step one asks for the one argument a guard reads ({@link Selected}), the advice reads that parameter
 * alone ({@code a0} to {@code a5}, null past the method's last; a later one from {@code args}) for
 * {@link EmitBridge#selectArgument}: a call that argument rules out allocates no array either (a primitive argument
 * is boxed). {@code self} (null in a static method) lets the runtime tell an overridden method called through
 * {@code super} from the call itself.
 */
final class EmitAdvice {

    private EmitAdvice() {
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@PlanId int planId,
                     @Advice.Origin Class<?> type,
                     @Advice.This(optional = true) Object self,
                     @Advice.AllArguments Object[] args,
                     @Advice.Argument(value = 0, optional = true, typing = Assigner.Typing.DYNAMIC) Object a0,
                     @Advice.Argument(value = 1, optional = true, typing = Assigner.Typing.DYNAMIC) Object a1,
                     @Advice.Argument(value = 2, optional = true, typing = Assigner.Typing.DYNAMIC) Object a2,
                     @Advice.Argument(value = 3, optional = true, typing = Assigner.Typing.DYNAMIC) Object a3,
                     @Advice.Argument(value = 4, optional = true, typing = Assigner.Typing.DYNAMIC) Object a4,
                     @Advice.Argument(value = 5, optional = true, typing = Assigner.Typing.DYNAMIC) Object a5,
                     @Advice.Return(typing = Assigner.Typing.DYNAMIC) Object result,
                     @Advice.Thrown Throwable thrown) {
        if (thrown == null) {
            Object returned = result;
            long selected = EmitBridge.select(planId, type, returned);
            if (selected != 0L) {
                if (Selected.asksArgument(selected)) {
                    int index = Selected.argumentIndex(selected);
                    Object argument = index == 0 ? a0 : index == 1 ? a1 : index == 2 ? a2 : index == 3 ? a3
                            : index == 4 ? a4 : index == 5 ? a5 : args[index];
                    selected = EmitBridge.selectArgument(planId, type, selected, argument);
                }
                if (selected != 0L) {
                    EmitBridge.afterReturn(planId, type, self, args, returned, selected);
                }
            }
        } else {
            long selected = EmitBridge.selectThrown(planId, type, thrown);
            if (selected != 0L) {
                EmitBridge.afterThrow(planId, type, self, args, thrown, selected);
            }
        }
    }
}
