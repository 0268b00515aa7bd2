package dev.auditweave.agent;

/**
 * Sees every event the moment it leaves for delivery (see {@link EmittedEvent}), whatever the sinks then do with it:
 * the hook of the test kit ({@code dev.auditweave:auditweave-test}), which records the events of one test. Added with
 * {@link Auditweave#addTap}, removed with {@link Auditweave#removeTap}.
 *
 * <p>Called on the thread that releases the event: the annotated method's (or the committing one's), or an
 * enrichment thread for an event that names enrichers. So it must be quick and must not block. A tap that throws is
 * counted ({@code captureErrors}) and logged, rate-limited; the event still goes to its sinks and the business call
 * never sees the failure. With no tap added, releasing an event costs one volatile read more.
 *
 * <pre>{@code
 * List<EmittedEvent> seen = new CopyOnWriteArrayList<>();
 * EventTap tap = seen::add;
 * Auditweave.addTap(tap);
 * try {
 *     userService.blockUser("u-1", "spam");
 * } finally {
 *     Auditweave.removeTap(tap);
 * }
 * }</pre>
 */
@FunctionalInterface
public interface EventTap {

    /** One event left for delivery. */
    void emitted(EmittedEvent event);
}
