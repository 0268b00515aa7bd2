package dev.auditweave.agent.internal.capture;

import dev.auditweave.agent.internal.expr.Completion;
import dev.auditweave.agent.internal.log.Loggers;
import dev.auditweave.agent.internal.log.RateLimitedLogger;
import dev.auditweave.agent.internal.plan.EmitPlan;
import dev.auditweave.agent.internal.runtime.AuditweaveRuntime;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The events of a call whose method returned a Reactor {@code Mono} or {@code Flux}: such a publisher is cold, it
 * does its work when it is subscribed, once per subscription, so the weaver hands the caller a publisher that
 * watches the method's one ({@code doOnSuccess}/{@code doOnError}; for a {@code Flux}, per subscription,
 * {@code doOnNext} counting elements, {@code doOnComplete} and {@code doOnError}). Each subscription that completes
 * fires the {@code on = RETURNED} annotations, with the {@code Mono}'s value ({@code null} when empty) or the
 * {@code Flux}'s element count as the result; each that fails fires the {@code on = THROWN} ones; a cancelled one,
 * whose outcome is unknown, fires nothing. The operators are Reactor's own, found by reflection on the publisher's
 * class (no compile-time dependency), once per class.
 *
 * <pre>{@code
 * // in Capture.afterPublisher, on the calling thread, for a method returning Mono<Integer>
 * Object watched = ReactorResults.watch(runtime, plan, args, mono, selected);   // what the caller gets
 * }</pre>
 */
final class ReactorResults {

    private static final RateLimitedLogger WARN = new RateLimitedLogger(Loggers.get(ReactorResults.class), 60);

    private static final ClassValue<Operators> OPERATORS = new ClassValue<>() {
        @Override
        protected Operators computeValue(Class<?> type) {
            Class<?> base = Completion.reactorBase(type);
            if (base == null) {
                throw new IllegalStateException(type.getName() + " is not a Reactor Mono or Flux");
            }
            try {
                return Operators.of(base);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Reactor's operators of " + type.getName() + " not found: " + e, e);
            }
        }
    };

    private ReactorResults() {
    }

    /**
     * The publisher to return in place of {@code publisher}: the same items and signals, watched. The transaction the
     * events wait for, and the actor in {@code args}, are those of the calling thread now, at the return.
     */
    static Object watch(AuditweaveRuntime runtime, EmitPlan plan, Object[] args, Object publisher, long selected)
            throws Throwable {
        Operators operators = OPERATORS.get(publisher.getClass());
        PendingCall call = PendingCall.at(runtime, plan, args, selected);
        return plan.completion() == Completion.MONO ? operators.watchMono(publisher, call)
                : operators.watchFlux(publisher, call, plan);
    }

    /** Reactor's operators on {@code Mono} or {@code Flux}, as method handles. */
    private record Operators(MethodHandle doOnSuccess, MethodHandle doOnNext, MethodHandle doOnComplete,
                             MethodHandle doOnError, MethodHandle defer) {

        static Operators of(Class<?> base) throws ReflectiveOperationException {
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            MethodHandle doOnError = lookup.findVirtual(base, "doOnError", MethodType.methodType(base, Consumer.class));
            if (base.getSimpleName().equals("Mono")) {
                return new Operators(lookup.findVirtual(base, "doOnSuccess", MethodType.methodType(base, Consumer.class)),
                        null, null, doOnError, null);
            }
            return new Operators(null,
                    lookup.findVirtual(base, "doOnNext", MethodType.methodType(base, Consumer.class)),
                    lookup.findVirtual(base, "doOnComplete", MethodType.methodType(base, Runnable.class)),
                    doOnError,
                    lookup.findStatic(base, "defer", MethodType.methodType(base, Supplier.class)));
        }

        Object watchMono(Object mono, PendingCall call) throws Throwable {
            Consumer<Object> succeeded = value -> call.accept(value, null);
            Consumer<Throwable> failed = failure -> call.accept(null, failure);
            return doOnError.invoke(doOnSuccess.invoke(mono, succeeded), failed);
        }

        Object watchFlux(Object flux, PendingCall call, EmitPlan plan) throws Throwable {
            Supplier<Object> perSubscription = () -> {
                try {
                    ElementCount count = new ElementCount(call);
                    Consumer<Throwable> failed = failure -> call.accept(null, failure);
                    return doOnError.invoke(doOnComplete.invoke(doOnNext.invoke(flux, count), count), failed);
                } catch (Throwable t) {
                    // Never the subscriber's problem: it gets the method's Flux, unwatched.
                    WARN.warn("subscribe|" + plan.method(), "auditweave: cannot watch a subscription of the Flux {}"
                            + " returned; its events are not emitted: {}", plan.method(), t.toString());
                    return flux;
                }
            };
            return defer.invoke(perSubscription);
        }
    }

    /**
     * One subscription of a {@code Flux}: counts its elements and, when it completes, fires the call with the count.
     * Reactive Streams signals to one subscriber are serial, with happens-before between them, so a plain field is
     * enough.
     */
    private static final class ElementCount implements Consumer<Object>, Runnable {

        private final PendingCall call;
        private long elements;

        ElementCount(PendingCall call) {
            this.call = call;
        }

        @Override
        public void accept(Object element) {
            elements++;
        }

        @Override
        public void run() {
            call.accept(elements, null);
        }
    }
}
