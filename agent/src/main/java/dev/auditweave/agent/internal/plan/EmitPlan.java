package dev.auditweave.agent.internal.plan;

import dev.auditweave.agent.internal.expr.CompiledExpression;
import dev.auditweave.agent.internal.expr.Completion;
import dev.auditweave.agent.internal.metrics.GuardCounter;
import dev.auditweave.bootstrap.Selected;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Everything derived from one annotated method, built once and shared by both weavers.
 *
 * <p>Also keeps, as bit sets, which annotations the result can rule out before the arguments array exists
 * ({@link EventSpec#resultCheck()}) and which annotations fire on a normal return and which on an exception
 * ({@link EventSpec#onThrown()}), so that the calling thread does not ask each annotation on every call. A method that
 * returns a {@code CompletionStage} or a Reactor publisher {@link #completesLater()}: its annotations fire when that
 * completes.
 */
public final class EmitPlan {

    /**
     * How many of a call's first arguments a weaver hands to step one as they are
     * ({@code Capture.select(plan, result, a0, a1, a2, a3, a4, a5)}).
     */
    public static final int ARGUMENTS_AT_HAND = 6;

    private final String method;
    private final List<EventSpec> specs;
    private final long resultChecks;
    private final long actorReaders;
    private final boolean readsActor;
    /** Per annotation, the context roots it reads ({@link EventSpec#contextRoots()}). */
    private final int[] contextRoots;
    /** The context roots any annotation reads. */
    private final int anyContextRoots;
    private final long returnedSpecs;
    /** The fewest rows a plain update count must report for any {@code on = RETURNED} annotation to fire; 0: no floor. */
    private final long rowsAtLeast;
    /** The {@code on = RETURNED} annotations, each guarded out when a count is below {@link #rowsAtLeast}. */
    private final int returnedCount;
    private final GuardCounter belowRows;
    /** The argument step one asks for ({@link Selected}); -1: none. */
    private final int askedArgument;
    /** The {@code on = RETURNED} annotations with an {@link EventSpec#argumentCheck()} of {@link #askedArgument}. */
    private final long argumentChecks;
    /** Step one's answer whatever the result, when the argument alone can rule a call out ({@link #askAtOnce}). */
    private final long askAtOnce;
    private final boolean asksPrimitive;
    /** {@link #soleArgumentCheck}, flat, when {@link #askAtOnce} asks for one of the first six arguments; else null. */
    private final ArgumentAtHand argumentAtHand;
    /** The one annotation of {@link #argumentChecks}, when there is exactly one; else {@code null}. */
    private final EventSpec soleArgumentCheck;
    private final long thrownSpecs;
    private final Completion completion;
    private final boolean holdsForCommit;
    private final Method instrumented;
    private final ClassValue<Boolean> runsFor;

    /**
     * @param method a readable name of the method, for logs
     * @param specs  one per valid {@code @EmitsAbuseEvent}; an annotation with a bad expression is left out
     */
    public EmitPlan(String method, List<EventSpec> specs) {
        this(method, specs, null);
    }

    /**
     * @param method       a readable name of the method, for logs
     * @param specs        one per valid {@code @EmitsAbuseEvent}; an annotation with a bad expression is left out
     * @param instrumented the method whose calls this plan captures, or {@code null} when no overriding need be
     *                     told apart ({@link #runsFor})
     */
    public EmitPlan(String method, List<EventSpec> specs, Method instrumented) {
        this(method, specs, instrumented,
                instrumented == null ? Completion.RETURN : Completion.of(instrumented.getReturnType()));
    }

    private EmitPlan(String method, List<EventSpec> specs, Method instrumented, Completion completion) {
        this.method = Objects.requireNonNull(method, "method");
        this.instrumented = instrumented;
        this.runsFor = instrumented == null ? null : MostSpecific.ifOverridable(instrumented);
        this.specs = List.copyOf(specs);
        this.completion = completion;
        long checked = 0L;
        long returned = 0L;
        long thrown = 0L;
        long actors = 0L;
        boolean held = false;
        for (int i = 0; i < this.specs.size(); i++) {
            EventSpec spec = this.specs.get(i);
            held |= spec.afterCommit();
            if (i >= Long.SIZE) {
                continue;
            }
            long bit = 1L << i;
            checked |= spec.resultCheck() != null ? bit : 0L;
            thrown |= spec.onThrown() ? bit : 0L;
            returned |= spec.onThrown() ? 0L : bit;
            actors |= spec.readsActor() ? bit : 0L;
        }
        this.resultChecks = checked;
        this.returnedSpecs = returned;
        this.returnedCount = Long.bitCount(returned);
        this.rowsAtLeast = completion == Completion.RETURN ? rowsAtLeast(this.specs) : 0L;
        this.belowRows = rowsAtLeast > 0 ? new GuardCounter() : null;
        this.askedArgument = completion == Completion.RETURN ? askedArgument(this.specs) : -1;
        this.argumentChecks = argumentChecks(this.specs, askedArgument);
        this.askAtOnce = argumentChecks != 0L && (returned & checked) == 0L
                ? Selected.askingArgument(askedArgument, returned) : 0L;
        this.soleArgumentCheck = Long.bitCount(argumentChecks) == 1
                ? this.specs.get(Long.numberOfTrailingZeros(argumentChecks)) : null;
        this.argumentAtHand = ArgumentAtHand.of(askAtOnce != 0L && askedArgument < ARGUMENTS_AT_HAND
                ? soleArgumentCheck : null, returned, argumentChecks);
        this.asksPrimitive = instrumented != null && askedArgument >= 0
                && askedArgument < instrumented.getParameterCount()
                && instrumented.getParameterTypes()[askedArgument].isPrimitive();
        this.thrownSpecs = thrown;
        this.holdsForCommit = held;
        this.actorReaders = actors;
        this.readsActor = this.specs.stream().anyMatch(EventSpec::readsActor);
        this.contextRoots = this.specs.stream().mapToInt(EventSpec::contextRoots).toArray();
        this.anyContextRoots = Arrays.stream(contextRoots).reduce(0, (a, b) -> a | b);
    }

    /**
     * The floor of {@link #rejectsByRows}: the smallest {@link CompiledExpression#rowsAtLeast()} of the result checks
     * of the {@code on = RETURNED} annotations, when every one has such a check and it is at least 1; else 0.
     */
    private static long rowsAtLeast(List<EventSpec> specs) {
        if (specs.size() > Long.SIZE) {
            return 0L;
        }
        long floor = Long.MAX_VALUE;
        boolean any = false;
        for (EventSpec spec : specs) {
            if (!spec.onThrown()) {
                CompiledExpression check = spec.resultCheck();
                floor = Math.min(floor, check == null ? 0L : check.rowsAtLeast());
                any = true;
            }
        }
        return any && floor > 0 ? floor : 0L;
    }

    /**
     * The argument step one asks for: that of the first {@code on = RETURNED} annotation with an
     * {@link EventSpec#argumentCheck()}, when the method has at most {@link Selected#ASKABLE} annotations; else -1.
     */
    private static int askedArgument(List<EventSpec> specs) {
        if (specs.size() > Selected.ASKABLE) {
            return -1;
        }
        for (EventSpec spec : specs) {
            if (!spec.onThrown() && spec.argumentCheck() != null) {
                return spec.argumentCheck().index();
            }
        }
        return -1;
    }

    private static long argumentChecks(List<EventSpec> specs, int index) {
        long checks = 0L;
        for (int i = 0; index >= 0 && i < specs.size(); i++) {
            EventSpec spec = specs.get(i);
            if (!spec.onThrown() && spec.argumentCheck() != null && spec.argumentCheck().index() == index) {
                checks |= 1L << i;
            }
        }
        return checks;
    }

    /**
     * Whether {@code result}, a plain update count ({@code int} or {@code long}) below the rows every
     * {@code on = RETURNED} annotation needs ({@code RETURNED_ROWS > 0}, say), rules them all out at once; then
     * counts each as guarded out. One comparison on the guard-false path of the most common guard, before any
     * annotation is looked at; any other result is left to the annotations' own checks. The per-call figure is
     * {@code guardFalse_agent} and {@code guardFalse_aspectj} in docs/performance.md.
     */
    public boolean rejectsByRows(Object result) {
        long floor = rowsAtLeast;
        if (floor == 0L) {
            return false;
        }
        long rows;
        if (result instanceof Integer count) {
            rows = count;
        } else if (result instanceof Long count) {
            rows = count;
        } else {
            return false;
        }
        if (rows >= floor) {
            return false;
        }
        belowRows.add(returnedCount);
        return true;
    }

    /** A readable name of the method, for logs. */
    public String method() {
        return method;
    }

    /** One per valid {@code @EmitsAbuseEvent}; an annotation with a bad expression is left out. */
    public List<EventSpec> specs() {
        return specs;
    }

    /**
     * Bit {@code i} set when annotation {@code i} has an {@link EventSpec#resultCheck()}: its guard, or a part of it,
     * is evaluated before the arguments array exists (for the first 64 annotations).
     */
    public long resultChecks() {
        return resultChecks;
    }

    /**
     * Whether a call for which capture {@code selected} these annotations (bit {@code i} for annotation {@code i},
     * as {@code resultChecks}; all bits set for "every one") needs the actor: some selected annotation reads
     * {@code ACTOR}. A method with more than 64 annotations needs it whenever any of them reads it.
     */
    public boolean readsActor(long selected) {
        return (selected & actorReaders) != 0L || (readsActor && specs.size() > Long.SIZE);
    }

    /**
     * The {@link dev.auditweave.agent.internal.expr.ContextRoot}s a call for which capture {@code selected} these annotations
     * (as for {@link #readsActor(long)}) needs, as bits; {@code 0} for the many methods that read none. A method with
     * more than 64 annotations needs those of every annotation.
     */
    public int contextRoots(long selected) {
        if (anyContextRoots == 0) {
            return 0;
        }
        if (specs.size() > Long.SIZE) {
            return anyContextRoots;
        }
        int roots = 0;
        for (int i = 0; i < contextRoots.length; i++) {
            if ((selected & (1L << i)) != 0L) {
                roots |= contextRoots[i];
            }
        }
        return roots;
    }

    /** Bit {@code i} set when annotation {@code i} fires on a normal return (for the first 64 annotations). */
    public long returnedSpecs() {
        return returnedSpecs;
    }

    /**
     * The parameter whose argument alone may rule a normal return out ({@link EventSpec#argumentCheck()}), which step
     * one asks the weaver for; -1 when there is none.
     */
    public int askedArgument() {
        return askedArgument;
    }

    /**
     * Bit {@code i} set when annotation {@code i} fires on a normal return and has an {@link EventSpec#argumentCheck()}
     * of the {@link #askedArgument()}; {@code 0} when there is none.
     */
    public long argumentChecks() {
        return argumentChecks;
    }

    /**
     * The ask step one answers before it looks at the result or the runtime, when no {@code on = RETURNED} annotation
     * has a {@link EventSpec#resultCheck()} and some have an {@link EventSpec#argumentCheck()}: every
     * {@code on = RETURNED} annotation, and the {@link #askedArgument()}. {@code 0} for any other plan. The guard that
     * reads one argument alone ({@code reason == 'fraud'}) then costs no runtime read or result loop, as
     * {@code guardFalse_agentArgumentsOnly} and {@code guardFalse_aspectjArgumentsOnly} measure (docs/performance.md).
     */
    public long askAtOnce() {
        return askAtOnce;
    }

    /**
     * The argument check that decides step one alone, with no result to look at, when that argument is
     * one of the first six a weaver hands over as they are ({@code Capture.select} with the arguments at hand): the
     * guard of every {@code on = RETURNED} annotation reads that argument alone or reads no result, and only this one
     * checks it. {@code null} otherwise.
     */
    public ArgumentAtHand argumentAtHand() {
        return argumentAtHand;
    }

    /** The one annotation whose argument check step one asks for, when there is exactly one; else {@code null}. */
    public EventSpec soleArgumentCheck() {
        return soleArgumentCheck;
    }

    /**
     * Whether the {@link #askedArgument()} is a parameter of a primitive type, which the agent's advice hands to step
     * one only when asked, boxed ({@code Capture.select} with the arguments at hand has it as {@code null}).
     */
    public boolean asksPrimitive() {
        return asksPrimitive;
    }

    /** Bit {@code i} set when annotation {@code i} fires on an exception (for the first 64 annotations). */
    public long thrownSpecs() {
        return thrownSpecs;
    }

    /**
     * Whether the method returns a {@code CompletionStage}, {@code Mono} or {@code Flux}: its annotations fire when
     * that completes, normally ({@code on = RETURNED}, with what it completed with as the result) or with an error
     * ({@code on = THROWN}, with the cause).
     */
    public boolean completesLater() {
        return completion.later();
    }

    /** When the annotations fire: at the return, or when the returned stage or publisher completes. */
    public Completion completion() {
        return completion;
    }

    /** Whether any annotation waits for the commit of a transaction ({@code phase = AFTER_COMMIT}). */
    public boolean holdsForCommit() {
        return holdsForCommit;
    }

    /** The same plan, capturing the calls of {@code method}, which inherits the annotations of this plan's. */
    EmitPlan runningAs(Method method) {
        // The expressions were typed against the carrying method's return type, which decides the completion too.
        return method.equals(instrumented) ? this
                : new EmitPlan(this.method + " (inherited by " + method.getDeclaringClass().getName() + ")", specs,
                method, completion);
    }

    /**
     * Whether a call on a {@code receiver} of this class is this plan's to capture: {@code false} when the
     * receiver's class overrides the instrumented method, so that this execution is an override calling
     * {@code super} (the override's own plan captures that call, once).
     */
    public boolean runsFor(Class<?> receiver) {
        return runsFor == null || runsFor.get(receiver);
    }

    /**
     * The class whose method this plan captures, whose class loader tells which transactions the calling thread may
     * be in; {@code null} for a plan built without a method.
     */
    public Class<?> caller() {
        return instrumented == null ? null : instrumented.getDeclaringClass();
    }

    /** Whether any annotation of the method survived compilation. */
    public boolean isEmpty() {
        return specs.isEmpty();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EmitPlan plan && method.equals(plan.method) && specs.equals(plan.specs);
    }

    @Override
    public int hashCode() {
        return Objects.hash(method, specs);
    }

    @Override
    public String toString() {
        return "EmitPlan[method=" + method + ", specs=" + specs + "]";
    }
}
