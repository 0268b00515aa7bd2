package dev.auditweave.agent.internal.weave.bytebuddy;

import dev.auditweave.agent.internal.capture.CapturePath;
import dev.auditweave.agent.internal.log.Loggers;
import dev.auditweave.agent.internal.plan.DeclaredSites;
import dev.auditweave.agent.internal.tx.Transactions;
import java.lang.ref.WeakReference;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;

/**
 * Compiles the plans of each instrumented class on a background thread right after the class is defined, so that
 * an expression error is reported when the application starts (the class loads), never first in production
 * traffic, and the first call of an annotated method does not pay for compiling it. Until a plan is compiled a
 * call compiles it itself ({@link PlanSlots}), so nothing waits for this thread.
 *
 * <p>The thread ({@code auditweave-plans}, a daemon) loads the class without initialising it; a class that is not
 * loadable by name (a JDK proxy, defined directly) is left to its first call.
 */
final class PlanPrecompiler {

    private static final Logger LOG = Loggers.get(PlanPrecompiler.class);

    private final ExecutorService executor = new ThreadPoolExecutor(0, 1, 5, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(), task -> {
                Thread thread = new Thread(task, "auditweave-plans");
                thread.setDaemon(true);
                return thread;
            });

    /** Compiles, soon and off this thread, the plans of {@code typeName} as {@code loader} defines it. */
    void schedule(String typeName, ClassLoader loader) {
        WeakReference<ClassLoader> weakLoader = new WeakReference<>(loader);
        try {
            executor.execute(() -> compile(typeName, weakLoader.get()));
        } catch (RejectedExecutionException e) {
            LOG.debug("auditweave: plans of {} are compiled at their first call: {}", typeName, e.toString());
        }
    }

    /**
     * Checks, soon and off this thread, the sites configuration declares on {@code typeName}, which {@code loader}
     * is loading ({@link DeclaredSites#classLoaded}).
     */
    void scheduleDeclared(String typeName, ClassLoader loader) {
        WeakReference<ClassLoader> weakLoader = new WeakReference<>(loader);
        try {
            executor.execute(() -> checkDeclared(typeName, weakLoader.get()));
        } catch (RejectedExecutionException e) {
            LOG.debug("auditweave: the sites declared on {} are not checked: {}", typeName, e.toString());
        }
    }

    private void checkDeclared(String typeName, ClassLoader loader) {
        if (loader == null) {
            return;
        }
        try {
            DeclaredSites.classLoaded(Class.forName(typeName, false, loader));
        } catch (ClassNotFoundException | LinkageError | RuntimeException e) {
            LOG.warn("auditweave: cannot check the sites declared on {}: {}", typeName, e.toString());
        }
    }

    private void compile(String typeName, ClassLoader loader) {
        if (loader == null) {
            return;
        }
        try {
            CapturePath.warmUp();
            Class<?> type = Class.forName(typeName, false, loader);
            int compiled = PlanSlots.resolveAll(type);
            Transactions.prepare(type);
            LOG.debug("auditweave: compiled {} plans of {}", compiled, typeName);
        } catch (ClassNotFoundException | LinkageError | RuntimeException e) {
            LOG.debug("auditweave: plans of {} are compiled at their first call: {}", typeName, e.toString());
        }
    }
}
