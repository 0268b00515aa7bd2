package dev.auditweave.test;

import dev.auditweave.agent.Auditweave;
import dev.auditweave.agent.EventTap;
import java.time.Duration;

/**
 * What the kit asks of auditweave's runtime, through the public facade only: under the {@code -javaagent} the test's
 * classes and the agent's runtime share nothing else. An interface so that the kit's own tests can stand in for it.
 */
interface RuntimeView {

    /** The running runtime, whichever copy answers: the agent's when attached, else the one in the class path. */
    RuntimeView FACADE = new RuntimeView() {
        @Override
        public void addTap(EventTap tap) {
            Auditweave.addTap(tap);
        }

        @Override
        public void removeTap(EventTap tap) {
            Auditweave.removeTap(tap);
        }

        @Override
        public boolean awaitEnrichment(Duration timeout) {
            return Auditweave.awaitEnrichment(timeout);
        }

        @Override
        public boolean hasSinks() {
            return !Auditweave.sinkNames().isEmpty();
        }
    };

    void addTap(EventTap tap);

    void removeTap(EventTap tap);

    /** {@link Auditweave#awaitEnrichment(Duration)}. */
    boolean awaitEnrichment(Duration timeout);

    /** Whether auditweave has a sink at all: with none ({@code auditweave.sink=none}) it captures nothing. */
    boolean hasSinks();
}
