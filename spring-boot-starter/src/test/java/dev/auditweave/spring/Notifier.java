package dev.auditweave.spring;

import dev.auditweave.annotations.EmitsAbuseEvent;

/** An annotated method on a plain interface: neither AspectJ nor the starter covers it without the agent. */
public interface Notifier {

    @EmitsAbuseEvent(type = "user.notified")
    void notifyUser(String userId);

    /** The implementation, without an annotation of its own. */
    class Impl implements Notifier {
        @Override
        public void notifyUser(String userId) {
        }
    }
}
