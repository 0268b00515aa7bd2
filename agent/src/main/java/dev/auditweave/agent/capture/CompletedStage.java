package dev.auditweave.agent.capture;

import dev.auditweave.agent.expr.Thrown;
import dev.auditweave.agent.log.Loggers;
import dev.auditweave.agent.log.RateLimitedLogger;
import dev.auditweave.agent.plan.EmitPlan;
import dev.auditweave.agent.runtime.AuditweaveRuntime;
import dev.auditweave.agent.tx.PendingEvents;
import dev.auditweave.agent.tx.Transactions;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.function.BiConsumer;

/**
 * The events of one call whose method returned a {@code CompletionStage}, waiting for it: attached with
 * {@code whenComplete} (the caller gets the very stage the method returned, never a replacement), it fires the
 * {@code on = RETURNED} annotations with the completed value as the result when the stage completes normally, and the
 * {@code on = THROWN} ones when it completes exceptionally or is cancelled, with the cause ({@code CompletionException}
 * and {@code ExecutionException} unwrapped; a cancellation is a {@code CancellationException}). Guards and fields are
 * evaluated then, on the thread that completes the stage, against the arguments of the call; {@code NOW} is the
 * completion instant.
 *
 * <p>Which transaction the events wait for is decided on the calling thread, when the method returns: a stage that
 * completes after that transaction ended follows its outcome at once ({@link PendingEvents#hold}).
 *
 * <pre>{@code
 * // in Capture.afterReturn, on the calling thread, for a method returning CompletableFuture<Integer>
 * CompletedStage.attach(runtime, plan, args, future, selected);
 * }</pre>
 */
final class CompletedStage implements BiConsumer<Object, Throwable> {

    private static final RateLimitedLogger WARN = new RateLimitedLogger(Loggers.get(CompletedStage.class), 60);

    private final AuditweaveRuntime runtime;
    private final EmitPlan plan;
    private final Object[] args;
    private final long selected;
    private final PendingEvents pending;

    private CompletedStage(AuditweaveRuntime runtime, EmitPlan plan, Object[] args, long selected,
                           PendingEvents pending) {
        this.runtime = runtime;
        this.plan = plan;
        this.args = args;
        this.selected = selected;
        this.pending = pending;
    }

    /**
     * On the calling thread: finds the transaction the events will wait for (when an annotation asks for
     * {@code AFTER_COMMIT}) and attaches to {@code stage}. A stage that is complete already fires at once. Never
     * throws.
     */
    static void attach(AuditweaveRuntime runtime, EmitPlan plan, Object[] args, Object stage, long selected) {
        try {
            Class<?> caller = plan.caller();
            PendingEvents pending = plan.holdsForCommit() && caller != null
                    ? Transactions.pendingEvents(caller, runtime) : null;
            ((CompletionStage<?>) stage).whenComplete(new CompletedStage(runtime, plan, args, selected, pending));
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

    @Override
    public void accept(Object value, Throwable failure) {
        try {
            if (failure == null) {
                Capture.emitAll(runtime, plan, args, value, selected, false, this);
            } else {
                Thrown thrown = Capture.read(runtime, plan, cause(failure));
                if (thrown != null) {
                    Capture.emitAll(runtime, plan, args, thrown, selected, true, this);
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
