package dev.auditweave.agent.internal.tx;

import dev.auditweave.agent.internal.runtime.AuditweaveRuntime;

/** One kind of transaction the calling thread may be in: Spring's, JTA's, or one opened through the public hook. */
interface TransactionSource {

    /**
     * The events of the transaction active on the calling thread, bound to it on first use so that they follow its
     * outcome; {@code null} when this source has no transaction active.
     */
    PendingEvents pendingEvents(AuditweaveRuntime runtime);
}
