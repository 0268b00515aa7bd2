package dev.auditweave.agent.internal.capture;

import dev.auditweave.agent.internal.expr.Completion;
import dev.auditweave.agent.internal.expr.Thrown;
import dev.auditweave.agent.internal.log.Loggers;
import dev.auditweave.agent.internal.log.RateLimitedLogger;
import dev.auditweave.agent.internal.plan.ArgumentAtHand;
import dev.auditweave.agent.internal.plan.EmitPlan;
import dev.auditweave.agent.internal.plan.EventSpec;
import dev.auditweave.agent.internal.runtime.AuditweaveRuntime;
import dev.auditweave.bootstrap.Selected;
import java.util.concurrent.CompletionStage;

/**
 * The calling-thread step, and the one place both weavers end in: for each annotation of the method,
 * evaluate the guard; if it holds, resolve the fields into an immutable {@link Event} and offer it to the
 * delivery pipeline. Nothing here blocks, does I/O, or throws into the caller.
 *
 * <p>A normal return fires the {@code on = RETURNED} annotations ({@link #select}, {@link #afterReturn}); an
 * exception the {@code on = THROWN} ones ({@link #selectThrown}, {@link #afterThrow}), which read it as
 * {@code THROWN} in the result's place. A method that returns a {@code CompletionStage} fires when the stage
 * completes ({@link PendingCall}): {@link #select} then only says whether there is a stage to wait for. One that
 * returns a Reactor {@code Mono} or {@code Flux} fires when a subscription completes: the weaver returns the
 * publisher {@link #afterPublisher} gives it in place of the method's.
 *
 * <p>A weaver calls it in two steps so that a call whose guard is false costs no allocation: {@link #select}
 * needs only the result and evaluates every guard that reads nothing else; a guard whose operands read one argument
 * alone ({@code reason == 'fraud'}) makes it ask for that argument ({@link Selected}), which the weaver hands to
 * {@link #selectArgument}; only when something may fire does the weaver build the arguments array and call
 * {@link #afterReturn(EmitPlan, Object[], Object, long)}. A weaver that knows the method but not its plan calls
 * {@link MethodCapture}'s steps instead, which find the plan (or hand the call to an attached agent) and end here.
 *
 * <pre>{@code
 * // what the woven advice does after the method returned normally
 * long selected = Capture.select(plan, result);          // 0: nothing fires, return at once
 * if (Selected.asksArgument(selected)) {
 *     selected = Capture.selectArgument(plan, selected, reason);   // parameter Selected.argumentIndex(selected)
 * }
 * if (selected != 0L) {
 *     Capture.afterReturn(plan, new Object[] {userId, reason}, result, selected);
 * }
 * }</pre>
 */
public final class Capture {

    private static final RateLimitedLogger WARN = new RateLimitedLogger(Loggers.get(Capture.class), 60);

    private Capture() {
    }

    /**
     * {@link #select} answer for a plan whose guards {@link #select} does not evaluate: every annotation is
     * evaluated in full by {@link #afterReturn(EmitPlan, Object[], Object, long)}.
     */
    public static final long ALL = -1L;

    /**
     * The most annotations on one method whose result-only guards {@link #select} evaluates; a method with more
     * (never seen in practice) has every guard evaluated in the second step. One bit fewer than a {@code long} holds,
     * so that no answer but an ask is below -1 ({@link Selected#asksArgument}).
     */
    static final int SELECTABLE = Long.SIZE - 1;

    /**
     * Step one, on the calling thread, without the arguments: which annotations of {@code plan} may fire for a
     * call that returned {@code result}. Bit {@code i} stands for annotation {@code i}: set when its guard reads
     * only the result and held, or when its guard needs the arguments or the clock (or there is none) and must
     * be evaluated in step two. {@code 0}: nothing fires (or auditweave is idle), and the caller should not
     * even build the arguments. Or an ask ({@link Selected#asksArgument}): a guard's operands read one argument alone
     * ({@link EmitPlan#askedArgument()}); the weaver reads that one and calls {@link #selectArgument}. Never throws: a
     * guard that throws is counted and logged, and its bit is clear.
     */
    public static long select(EmitPlan plan, Object result) {
        try {
            if (plan.rejectsByRows(result)) {
                // The most common guard-false call, decided before the runtime is read: a weaver has a plan only
                // once an active runtime asked for it, and an idle one would answer 0 as well.
                return 0L;
            }
            long ask = plan.askAtOnce();
            if (ask != 0L) {
                // A guard that reads one argument alone: nothing else to look at before it (an idle runtime is
                // found in step two, as an ask left unanswered).
                return ask;
            }
            AuditweaveRuntime runtime = AuditweaveRuntime.current();
            return runtime.isIdle() ? 0L : afterRowsFloor(runtime, plan, result);
        } catch (Throwable t) {
            WARN.warn("runtime", "auditweave: could not capture events of {}: {}", plan.method(), t.toString());
            return 0L;
        }
    }

    /**
     * As {@link #select(EmitPlan, Object)}, with the call's first six arguments at hand ({@code null} past its last):
     * a guard that reads one of them alone is decided in this one call, with no ask: one bridge crossing instead of two,
     * measured by {@code guardFalse_agentArgumentsOnly} (docs/performance.md). A weaver that
     * cannot hand over an argument as it is (the agent's advice, for a primitive: {@link EmitPlan#asksPrimitive()})
     * calls {@link #select(EmitPlan, Object)} instead and answers the ask. Never throws.
     */
    public static long select(EmitPlan plan, Object result, Object a0, Object a1, Object a2, Object a3, Object a4,
                              Object a5) {
        ArgumentAtHand atHand = plan.argumentAtHand();
        if (atHand != null) {
            // The common argument guard, one annotation on one of these six: decided on the shortest path, so that
            // it stays small enough to be inlined into the instrumented method.
            return atHand.select(argument(atHand.index(), a0, a1, a2, a3, a4, a5));
        }
        long selected = select(plan, result);
        if (!Selected.asksArgument(selected)) {
            return selected;
        }
        int index = Selected.argumentIndex(selected);
        if (index >= EmitPlan.ARGUMENTS_AT_HAND) {
            return selected;
        }
        return selectArgument(plan, selected, argument(index, a0, a1, a2, a3, a4, a5));
    }

    /** Argument {@code index} of the first six: one call site for the check, whichever it is. */
    private static Object argument(int index, Object a0, Object a1, Object a2, Object a3, Object a4, Object a5) {
        return index == 0 ? a0 : index == 1 ? a1 : index == 2 ? a2 : index == 3 ? a3 : index == 4 ? a4 : a5;
    }

    /** Step one once {@link EmitPlan#rejectsByRows} has let the call through, with the runtime found active. */
    private static long afterRowsFloor(AuditweaveRuntime runtime, EmitPlan plan, Object result) {
        Completion completion = plan.completion();
        if (completion == Completion.RETURN) {
            long selected = GuardChecks.resultChecks(runtime, plan, plan.returnedSpecs(), result);
            return (selected & plan.argumentChecks()) != 0L
                    ? Selected.askingArgument(plan.askedArgument(), selected) : selected;
        }
        if (completion == Completion.STAGE) {
            // Nothing is decided before the stage completes; a method that returned no stage at all emits nothing.
            return result instanceof CompletionStage<?> ? GuardChecks.every(plan) : 0L;
        }
        // A Mono or Flux: the weaver's publisher step watches it instead (afterPublisher).
        return 0L;
    }

    /**
     * Step one again, after {@link #select(EmitPlan, Object)} asked for an argument: of the annotations {@code asked}
     * names, those whose {@link EventSpec#argumentCheck()} holds for {@code argument}, the call's parameter
     * {@link Selected#argumentIndex}, and those left to step two; each ruled out is counted as guarded out. A check
     * that throws leaves the verdict to the whole guard in step two. Never throws.
     */
    public static long selectArgument(EmitPlan plan, long asked, Object argument) {
        long candidates = Selected.candidates(asked);
        if (!Selected.asksArgument(asked)) {
            return candidates;
        }
        return GuardChecks.argumentChecks(plan, candidates, Selected.argumentIndex(asked), argument);
    }

    /**
     * Emits the events of {@code plan} for one call that returned {@code result} (boxed; {@code null} for void).
     * Never throws: a failure is counted and logged, rate-limited.
     */
    public static void afterReturn(EmitPlan plan, Object[] args, Object result) {
        long selected = select(plan, result);
        if (Selected.asksArgument(selected)) {
            selected = selectArgument(plan, selected, args[Selected.argumentIndex(selected)]);
        }
        if (selected != 0L) {
            afterReturn(plan, args, result, selected);
        }
    }

    /**
     * Step two: emits the annotations {@link #select} selected, evaluating the guards it left to this step. For a
     * method that returns a {@code CompletionStage}, {@code result} is the stage: the events wait for its completion,
     * and the caller keeps the very same stage. Never throws.
     */
    public static void afterReturn(EmitPlan plan, Object[] args, Object result, long selected) {
        try {
            // A weaver that did not answer an ask of step one: every annotation it names is evaluated in full.
            selected = Selected.candidates(selected);
            AuditweaveRuntime runtime = AuditweaveRuntime.current();
            if (runtime.isIdle()) {
                return;
            }
            if (plan.completesLater()) {
                PendingCall.attach(runtime, plan, argsAtReturn(runtime, plan, args, selected), result, selected);
            } else {
                Emitter.emitAll(runtime, plan, args, result, selected, false, null);
            }
        } catch (Throwable t) {
            // Only reached when the runtime itself cannot start; the business method must not notice.
            WARN.warn("runtime", "auditweave: could not capture events of {}: {}", plan.method(), t.toString());
        }
    }

    /**
     * For a call that completes later: its arguments with the context roots a {@code selected} annotation reads
     * ({@link CallContext}). ACTOR is who called, REQUEST the request being served: they are resolved now, on the
     * calling thread, not when the call completes.
     */
    private static Object[] argsAtReturn(AuditweaveRuntime runtime, EmitPlan plan, Object[] args, long selected) {
        return CallContext.append(args, plan, selected, runtime);
    }

    // ---------------------------------------------------------------- Reactor publishers

    /**
     * After a method that returns a Reactor {@code Mono} or {@code Flux} returned {@code publisher}: the publisher
     * the caller gets instead, which emits the same signals and fires the {@code on = RETURNED} annotations when a
     * subscription completes and the {@code on = THROWN} ones when it fails ({@link ReactorResults}). The very
     * {@code publisher} when auditweave is idle, the method has nothing to fire, or watching it failed (counted and
     * logged). Never throws.
     */
    public static Object afterPublisher(EmitPlan plan, Object[] args, Object publisher) {
        AuditweaveRuntime runtime = null;
        try {
            runtime = AuditweaveRuntime.current();
            if (runtime.isIdle() || publisher == null || !plan.completion().publisher() || plan.specs().isEmpty()) {
                return publisher;
            }
            long selected = GuardChecks.every(plan);
            return ReactorResults.watch(runtime, plan, argsAtReturn(runtime, plan, args, selected), publisher,
                    selected);
        } catch (Throwable t) {
            if (runtime != null) {
                runtime.counters().captureError();
            }
            WARN.warn("publisher|" + plan.method(), "auditweave: cannot watch the {} {} returned; its events are"
                    + " not emitted: {}", plan.completion().typeName(), plan.method(), t.toString());
            return publisher;
        }
    }

    // ---------------------------------------------------------------- on = THROWN

    /**
     * Step one after the method threw {@code thrown}, without the arguments: which {@code on = THROWN} annotations
     * of {@code plan} may fire, as {@link #select(EmitPlan, Object)} does for a return (a guard that reads only
     * {@code THROWN} is decided here). {@code 0} when the method has none. Never throws; the exception is only read.
     */
    public static long selectThrown(EmitPlan plan, Throwable thrown) {
        try {
            AuditweaveRuntime runtime = AuditweaveRuntime.current();
            return runtime.isIdle() ? 0L : selectThrown(runtime, plan, thrown);
        } catch (Throwable t) {
            WARN.warn("runtime", "auditweave: could not capture events of {}: {}", plan.method(), t.toString());
            return 0L;
        }
    }

    private static long selectThrown(AuditweaveRuntime runtime, EmitPlan plan, Throwable thrown) {
        long candidates = plan.thrownSpecs();
        if (candidates == 0L && plan.specs().size() <= SELECTABLE) {
            return 0L;
        }
        if ((candidates & plan.resultChecks()) == 0L) {
            // Nothing to check here: the exception is read in step two only.
            return GuardChecks.resultChecks(runtime, plan, candidates, null);
        }
        Thrown value = read(runtime, plan, thrown);
        return value == null ? 0L : GuardChecks.resultChecks(runtime, plan, candidates, value);
    }

    /**
     * {@code THROWN}: the exception's class names and message, or {@code null} when reading them threw (an
     * overridden {@code getMessage()}), counted and logged.
     */
    static Thrown read(AuditweaveRuntime runtime, EmitPlan plan, Throwable thrown) {
        try {
            return Thrown.of(thrown);
        } catch (Throwable t) {
            runtime.counters().captureError();
            WARN.warn(plan.method() + "|thrown", "auditweave: events of {} not emitted, reading the exception {}"
                    + " threw {}", plan.method(), thrown.getClass().getName(), t.toString());
            return null;
        }
    }

    /** Emits the {@code on = THROWN} events of {@code plan} for one call that threw {@code thrown}. Never throws. */
    public static void afterThrow(EmitPlan plan, Object[] args, Throwable thrown) {
        long selected = selectThrown(plan, thrown);
        if (selected != 0L) {
            afterThrow(plan, args, thrown, selected);
        }
    }

    /** Step two after a throw: emits what {@link #selectThrown} selected. Never throws. */
    public static void afterThrow(EmitPlan plan, Object[] args, Throwable thrown, long selected) {
        try {
            AuditweaveRuntime runtime = AuditweaveRuntime.current();
            Thrown value = runtime.isIdle() ? null : read(runtime, plan, thrown);
            if (value != null) {
                Emitter.emitAll(runtime, plan, args, value, selected, true, null);
            }
        } catch (Throwable t) {
            WARN.warn("runtime", "auditweave: could not capture events of {}: {}", plan.method(), t.toString());
        }
    }

}
