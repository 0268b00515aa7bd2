package dev.auditweave.agent.internal.weave.bytebuddy;

import dev.auditweave.bootstrap.EmitBridge;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * Inlined, beside {@link EmitAdvice}, at the normal exit of an instrumented method declared to return a Reactor
 * {@code Mono} or {@code Flux}: the method returns the publisher {@link EmitBridge#afterPublisher} gives in place of
 * its own, one that watches it and fires the annotations when a subscription completes (the publisher is cold: its
 * return says nothing happened yet). {@link EmitAdvice} still handles a synchronous throw. If the advice itself
 * throws, the suppression leaves the method's own publisher in place.
 */
final class PublisherAdvice {

    private PublisherAdvice() {
    }

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void exit(@PlanId int planId,
                     @Advice.Origin Class<?> type,
                     @Advice.This(optional = true) Object self,
                     @Advice.AllArguments Object[] args,
                     @Advice.Return(readOnly = false, typing = Assigner.Typing.DYNAMIC) Object publisher) {
        publisher = EmitBridge.afterPublisher(planId, type, self, args, publisher);
    }
}
