package dev.auditweave.sample.script;

import dev.auditweave.agent.Auditweave;
import dev.auditweave.sample.context.Caller;
import dev.auditweave.sample.context.RequestContext;
import java.time.Duration;

/** How a step's action runs: on behalf of a caller, or followed by a wait until its events are out. */
final class Actions {

    /** How long a step waits for its events to be out before the next step changes what their enricher reads. */
    private static final Duration SETTLE = Duration.ofSeconds(10);

    private Actions() {
    }

    /** The action on behalf of {@code caller}, as a request of theirs would run it. */
    static Step.Action as(Caller caller, Step.Action action) {
        return app -> RequestContext.call(caller, () -> action.run(app));
    }

    /**
     * The action, then a wait until its events are out: their enricher reads the database after the method
     * returned, and the steps after this one must not change what it reads.
     */
    static Step.Action settled(Step.Action action) {
        return app -> {
            Object result = action.run(app);
            Auditweave.flush(SETTLE);
            return result;
        };
    }
}
