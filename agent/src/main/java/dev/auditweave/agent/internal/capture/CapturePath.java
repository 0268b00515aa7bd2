package dev.auditweave.agent.internal.capture;

import dev.auditweave.agent.internal.log.Loggers;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;

/**
 * Loads and initialises, once and off the calling thread, the classes that the first capture would otherwise
 * load on the business thread (seen with {@code -verbose:class} around a first call, in both modes): called when
 * plans are compiled at start-up, so that the first annotated call pays neither for compiling nor for loading.
 */
public final class CapturePath {

    private static final Logger LOG = Loggers.get(CapturePath.class);

    private static final String[] CLASSES = {
        "dev.auditweave.agent.internal.capture.Capture", "dev.auditweave.agent.internal.capture.AgentHandoff",
        "dev.auditweave.agent.internal.capture.EpochMillis", "dev.auditweave.agent.internal.event.Event",
        "dev.auditweave.agent.internal.event.EventIds", "dev.auditweave.agent.internal.event.EventValues",
        "dev.auditweave.agent.internal.event.EventValues$Copy", "dev.auditweave.agent.internal.event.FieldMap",
        "dev.auditweave.agent.internal.expr.RowCount", "dev.auditweave.agent.internal.capture.Actors",
        "dev.auditweave.agent.internal.dispatch.Dispatcher$Offer", "dev.auditweave.agent.internal.tx.Transactions",
        "dev.auditweave.agent.internal.tx.PendingEvents", "dev.auditweave.agent.internal.tx.ScopedTransactions",
        "dev.auditweave.agent.internal.capture.PendingCall", "dev.auditweave.agent.internal.expr.Thrown",
        "java.util.concurrent.ThreadLocalRandom"};
    /** Only in the aspect library, and only with aspectjrt beside it. */
    private static final String[] WOVEN_CLASSES = {
        "dev.auditweave.agent.internal.weave.aspectj.EmitAspect", "org.aspectj.runtime.internal.Conversions"};

    private static final AtomicBoolean LOADED = new AtomicBoolean();

    private CapturePath() {
    }

    /** Loads the capture path's classes, the first time only. Never throws. */
    public static void warmUp() {
        if (!LOADED.compareAndSet(false, true)) {
            return;
        }
        ClassLoader loader = CapturePath.class.getClassLoader();
        for (String name : CLASSES) {
            load(name, loader);
        }
        for (String name : WOVEN_CLASSES) {
            load(name, loader);
        }
    }

    private static void load(String name, ClassLoader loader) {
        try {
            Class.forName(name, true, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            LOG.debug("auditweave: {} is loaded at the first call instead: {}", name, e.toString());
        }
    }
}
