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
 * result is read once, and {@code args} only inside the branch taken when {@link EmitBridge#select} (or, after a
 * throw, {@link EmitBridge#selectThrown(int, Class, Throwable)}) says an event may fire: a call whose guard is false
 * allocates no arguments array, and the normal return pays one null check for the throw path. Step one gets the
 * first six parameters as they are ({@code r0} to {@code r5}, {@link ReferenceArgument}: null for a primitive), so
 * that a guard reading one of them alone ({@code reason == 'fraud'}) is decided in that one call. When it asks for
 * another ({@link Selected}: a primitive, or one past the sixth), the advice reads that parameter alone ({@code a0}
 * to {@code a5}, boxed; a later one from {@code args}) for {@link EmitBridge#selectArgument}. {@code self} (null in
 * a static method) lets the runtime tell an overridden method called through {@code super} from the call itself.
 */
final class EmitAdvice {

    private EmitAdvice() {
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@PlanId int planId,
                     @Advice.Origin Class<?> type,
                     @Advice.This(optional = true) Object self,
                     @Advice.AllArguments Object[] args,
                     @ReferenceArgument(0) Object r0,
                     @ReferenceArgument(1) Object r1,
                     @ReferenceArgument(2) Object r2,
                     @ReferenceArgument(3) Object r3,
                     @ReferenceArgument(4) Object r4,
                     @ReferenceArgument(5) Object r5,
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
            long selected = EmitBridge.select(planId, type, returned, r0, r1, r2, r3, r4, r5);
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
