package dev.auditweave.agent.internal.capture;

import dev.auditweave.agent.internal.expr.Thrown;
import dev.auditweave.agent.internal.log.Loggers;
import dev.auditweave.agent.internal.log.RateLimitedLogger;
import dev.auditweave.agent.internal.plan.EmitPlan;
import dev.auditweave.agent.internal.runtime.AuditweaveRuntime;
import dev.auditweave.agent.internal.tx.PendingEvents;
import dev.auditweave.agent.internal.tx.Transactions;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.function.BiConsumer;

/**
 * The events of one call whose outcome comes after the return, waiting for it: for a {@code CompletionStage},
 * attached with {@code whenComplete} ({@link #attach}: the caller gets the very stage the method returned, never a
 * replacement); for a Reactor publisher, told by {@link ReactorResults} once per subscription. It fires the
 * {@code on = RETURNED} annotations with the completed value as the result when the call completes normally, and the
 * {@code on = THROWN} ones when it fails, with the cause ({@code CompletionException} and {@code ExecutionException}
 * unwrapped; a cancelled stage is a {@code CancellationException}). Guards and fields are evaluated then, on the
 * thread that completes the call, against the arguments of the call; {@code NOW} is the completion instant.
 *
 * <p>Which transaction the events wait for is decided on the calling thread, when the method returns ({@link #at}):
 * a call that completes after that transaction ended follows its outcome at once ({@link PendingEvents#hold}).
 *
 * <pre>{@code
 * // in Capture.afterReturn, on the calling thread, for a method returning CompletableFuture<Integer>
 * PendingCall.attach(runtime, plan, args, future, selected);
 * }</pre>
 */
final class PendingCall implements BiConsumer<Object, Throwable> {

    private static final RateLimitedLogger WARN = new RateLimitedLogger(Loggers.get(PendingCall.class), 60);

    private final AuditweaveRuntime runtime;
    private final EmitPlan plan;
    private final Object[] args;
    private final long selected;
    private final PendingEvents pending;

    private PendingCall(AuditweaveRuntime runtime, EmitPlan plan, Object[] args, long selected,
                           PendingEvents pending) {
        this.runtime = runtime;
        this.plan = plan;
        this.args = args;
        this.selected = selected;
        this.pending = pending;
    }

    /**
     * On the calling thread, at the return: the call whose {@code selected} annotations wait for its outcome, bound
     * to the transaction they will wait for (when an annotation asks for {@code AFTER_COMMIT}).
     */
    static PendingCall at(AuditweaveRuntime runtime, EmitPlan plan, Object[] args, long selected) {
        Class<?> caller = plan.caller();
        PendingEvents pending = plan.holdsForCommit() && caller != null
                ? Transactions.pendingEvents(caller, runtime) : null;
        return new PendingCall(runtime, plan, args, selected, pending);
    }

    /**
     * On the calling thread: attaches the call to {@code stage}, which fires it when it completes (at once when it
     * is complete already). Never throws.
     */
    static void attach(AuditweaveRuntime runtime, EmitPlan plan, Object[] args, Object stage, long selected) {
        try {
            ((CompletionStage<?>) stage).whenComplete(at(runtime, plan, args, selected));
        } catch (Throwable t) {
            runtime.counters().captureError();
            WARN.warn("attach|" + plan.method(), "auditweave: cannot wait for the CompletionStage {} returned;"
                    + " its events are not emitted: {}", plan.method(), t.toString());
        }
    }

    /** The transaction found at return, or {@code null}. */
    PendingEvents pending() {
        return pending;
    }

    /**
     * The outcome: {@code failure} {@code null} when the call completed normally with {@code value}. Never throws,
     * so that it cannot break the stage or publisher it is attached to.
     */
    @Override
    public void accept(Object value, Throwable failure) {
        try {
            if (failure == null) {
                Emitter.emitAll(runtime, plan, args, value, selected, false, this);
            } else {
                Thrown thrown = Capture.read(runtime, plan, cause(failure));
                if (thrown != null) {
                    Emitter.emitAll(runtime, plan, args, thrown, selected, true, this);
                }
            }
        } catch (Throwable t) {
            runtime.counters().captureError();
            WARN.warn("complete|" + plan.method(), "auditweave: could not capture the completion of {}: {}",
                    plan.method(), t.toString());
        }
    }

    /** What the stage failed with, without the wrappers a dependent stage or a {@code get()} adds. */
    static Throwable cause(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
