package dev.auditweave.agent.internal.enrich;

import dev.auditweave.agent.EventEnricher;
import dev.auditweave.agent.internal.event.EnrichRequest;
import dev.auditweave.agent.internal.event.Event;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * One enrichment thread ({@code auditweave-enrich-N}): takes events from the stage's queue and runs each one's
 * enrichers in order, with the thread's context class loader set to the annotated method's, adding what each returns
 * ({@link FieldMerge}). It stops running an event's enrichers as soon as the event was sent without them (its
 * deadline passed); an enricher that throws, or a name no enricher has, is counted and the next enricher runs; an
 * enricher another thread is stuck in ({@link RunnerPool#isOverdue}) is skipped, counted as timed out.
 */
final class EnrichRunner {

    /** An idle thread looks again this often even if no offer woke it (a wake-up is never missed; a backstop). */
    private static final long IDLE_PARK_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final RunnerPool pool;
    private final Enrichment stage;
    private final Thread thread;
    private volatile boolean parked;
    /** The event being enriched, or {@code null}; guarded by the pool for retiring. */
    private EnrichJob job;
    /** Set by the pool when this thread was replaced while stuck in this enricher; {@code null} while it is not. */
    private volatile String stuckIn;

    EnrichRunner(RunnerPool pool, Enrichment stage, String name) {
        this.pool = pool;
        this.stage = stage;
        this.thread = new Thread(this::run, name);
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    Thread thread() {
        return thread;
    }

    /** Wakes it if it waits for work; {@code false} if it was busy. */
    boolean wakeIfParked() {
        if (parked) {
            LockSupport.unpark(thread);
            return true;
        }
        return false;
    }

    boolean retired() {
        return stuckIn != null;
    }

    /** The enricher it was stuck in when it was replaced, or {@code null}. */
    String stuckIn() {
        return stuckIn;
    }

    /** Marks it replaced while stuck in {@code enricher}; {@code null}: no longer. */
    void retired(String enricher) {
        this.stuckIn = enricher;
    }

    /** The event it works on; read and written under the pool's lock. */
    EnrichJob job() {
        return job;
    }

    void job(EnrichJob job) {
        this.job = job;
    }

    private void run() {
        while (pool.keepRunning(this)) {
            EnrichJob next = stage.poll();
            if (next == null) {
                parked = true;
                if (!stage.hasWork() && pool.isRunning()) {
                    LockSupport.parkNanos(this, IDLE_PARK_NANOS);
                }
                parked = false;
            } else if (pool.began(this, next)) {
                enrich(next);
            }
        }
    }

    private void enrich(EnrichJob next) {
        next.runBy(this);
        if (next.isFinished()) {
            return;
        }
        Event event = next.event();
        EnrichRequest request = event.enrichRequest();
        ClassLoader previous = thread.getContextClassLoader();
        try {
            if (request.loader() != null) {
                thread.setContextClassLoader(request.loader());
            }
            for (String name : request.enrichers()) {
                if (next.isFinished()) {
                    return;
                }
                run(next, name, request.loader());
            }
        } finally {
            thread.setContextClassLoader(previous);
        }
        if (next.finish()) {
            stage.completed(next);
        }
    }

    private void run(EnrichJob next, String name, ClassLoader loader) {
        String type = next.event().type();
        if (pool.isOverdue(name)) {
            stage.skipped(next, name);
            return;
        }
        try {
            EventEnricher enricher = Enrichers.find(name, loader);
            if (enricher == null) {
                stage.failed(next, name, "no enricher has this name; the known ones are " + Enrichers.known(loader));
                return;
            }
            next.running(name);
            if (next.isFinished()) {
                // The deadline passed between the loop's check and now. The watch, which finishes the job before it
                // reads what is running, either saw this enricher (and marks it overdue) or finished before it was
                // set: then this check sees it and the enricher is not called at all, so it can never hang unseen.
                return;
            }
            Map<String, ?> added = enricher.enrich(type, next.data());
            if (!next.isFinished()) {
                next.data(FieldMerge.merge(next.data(), name, type, added));
            }
        } catch (Throwable t) {
            if (!next.isFinished()) { // else interrupted after its deadline: counted as timed out already
                stage.failed(next, name, "it threw " + t);
            }
        } finally {
            next.running(null);
        }
    }
}
