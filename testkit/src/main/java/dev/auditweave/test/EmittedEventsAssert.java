package dev.auditweave.test;

import dev.auditweave.agent.EmittedEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on the events one test emitted ({@link EmittedEvents}), from
 * {@link AuditweaveAssertions#assertThat(EmittedEvents)}. A failure lists every event the test emitted instead.
 *
 * <p><b>Waiting, never sleeping.</b> Events may come after the call that causes them returned: after a commit on
 * another thread, after enrichment, when a returned {@code CompletionStage} completes. {@link #containsEvent} and
 * {@link #containsExactlyTypes} wait for the events they expect, at most {@link #within} (5 s by default), and
 * return as soon as they are there. {@link #doesNotContainEvent}, {@link #containsNoEvents} and the end of
 * {@link #containsExactlyTypes} first wait until auditweave has no event left in enrichment, so that an event
 * released by what the test did (returned outside a transaction, or committed) is either recorded or was never
 * emitted. What auditweave cannot know about is an event whose capture is still to come: a
 * {@code CompletableFuture} that has not completed, work the test started on another thread and did not await, a
 * transaction still open. Await those first; then "not emitted" means not emitted.
 *
 * <pre>{@code
 * CompletableFuture<Receipt> receipt = billing.purchaseCreditsAsync("u-1", 5_000);
 * receipt.join();                                            // the capture happens when it completes
 * assertThat(events).doesNotContainEvent("billing.credit_purchase_failed");
 * }</pre>
 */
public final class EmittedEventsAssert extends AbstractAssert<EmittedEventsAssert, EmittedEvents> {

    private final Duration timeout;

    EmittedEventsAssert(EmittedEvents events, Duration timeout) {
        super(events, EmittedEventsAssert.class);
        this.timeout = timeout;
    }

    /**
     * The same assertions, waiting at most {@code timeout} for events that come later.
     *
     * <pre>{@code
     * assertThat(events).within(Duration.ofSeconds(30)).containsEvent("signin");
     * }</pre>
     *
     * @throws IllegalArgumentException when {@code timeout} is negative
     */
    public EmittedEventsAssert within(Duration timeout) {
        return new EmittedEventsAssert(actual, Waiting.checked(timeout));
    }

    /**
     * Passes once an event of {@code type} is recorded, waiting for it at most the timeout; the returned assertion
     * narrows it down by data, id or time.
     *
     * <pre>{@code
     * assertThat(events).containsEvent("user.blocked").withData("kilo_user_id", "u-1").withData("reason", "spam");
     * }</pre>
     */
    public EmittedEventAssert containsEvent(String type) {
        Objects.requireNonNull(type, "type");
        isNotNull();
        failIfMixed();
        return EmittedEventAssert.awaiting(actual, type, timeout);
    }

    /**
     * Passes when no event of {@code type} was emitted, once auditweave has no event left in enrichment (see the
     * class comment for what must be awaited first).
     */
    public EmittedEventsAssert doesNotContainEvent(String type) {
        Objects.requireNonNull(type, "type");
        isNotNull();
        failIfMixed();
        failIfAnyOf(type, actual.all());
        settle("that no event of type " + EventText.value(type) + " was emitted");
        failIfAnyOf(type, actual.all());
        return this;
    }

    /** Passes when the test emitted no event at all, once auditweave has no event left in enrichment. */
    public EmittedEventsAssert containsNoEvents() {
        isNotNull();
        failIfMixed();
        settle("that no event was emitted");
        List<EmittedEvent> seen = actual.all();
        if (!seen.isEmpty()) {
            failWithMessage("%s", "Expected no event at all, but the test emitted " + EventText.emitted(seen));
        }
        return this;
    }

    /**
     * Passes when the test emitted events of exactly these types, in this order, repeats included: waits until as
     * many events were recorded (at most the timeout), then until auditweave has no event left in enrichment, and
     * compares.
     *
     * <pre>{@code
     * invitations.accept("inv-1");
     * invitations.accept("inv-1");                                 // the duplicate inserts nothing
     * assertThat(events).containsExactlyTypes("org.member_added"); // once
     * }</pre>
     */
    public EmittedEventsAssert containsExactlyTypes(String... types) {
        Objects.requireNonNull(types, "types");
        List<String> expected = List.of(types);
        isNotNull();
        failIfMixed();
        actual.awaitUntil(all -> all.size() >= expected.size(), timeout);
        settle("that exactly the types " + EventText.types(expected) + " were emitted");
        List<EmittedEvent> seen = actual.all();
        List<String> found = seen.stream().map(EmittedEvent::type).toList();
        if (!found.equals(expected)) {
            failWithMessage("%s", "Expected events of exactly the types " + EventText.types(expected)
                    + " in this order, but the test emitted " + EventText.types(found) + difference(expected, found)
                    + ":" + (seen.isEmpty() ? " none" : EventText.list(seen)) + actual.hint(seen));
        }
        return this;
    }

    private void failIfAnyOf(String type, List<EmittedEvent> seen) {
        for (int i = 0; i < seen.size(); i++) {
            if (seen.get(i).type().equals(type)) {
                failWithMessage("%s", "Expected no event of type " + EventText.value(type) + ", but event " + (i + 1)
                        + " of the " + seen.size() + " the test emitted is one:" + EventText.list(seen));
            }
        }
    }

    /** Waits until nothing is left in enrichment; fails, saying what could not be told, when that takes too long. */
    private void settle(String claim) {
        if (!actual.settle(timeout)) {
            failWithMessage("%s", "Cannot tell " + claim + ": auditweave still had events in enrichment after "
                    + Waiting.text(timeout) + " (an enricher slower than that? see auditweave.enrich.timeout-ms);"
                    + " so far the test emitted " + EventText.emitted(actual.all()));
        }
    }

    /** Fails when another test recorded at the same time: then no assertion about "this test's events" holds. */
    private void failIfMixed() {
        failIfMixed(actual);
    }

    static void failIfMixed(EmittedEvents events) {
        List<String> others = events.overlapping();
        if (!others.isEmpty()) {
            throw new AssertionError("Cannot tell the events of " + events.test() + " apart: " + others.size()
                    + (others.size() == 1 ? " other test" : " other tests") + " recorded events at the same time ("
                    + String.join(", ", others) + "; JUnit parallel execution?), so their events are mixed. Give"
                    + " every test class that uses AuditweaveExtension"
                    + " @ResourceLock(AuditweaveExtension.EVENTS), or run them with @Isolated.");
        }
    }

    /** {@code ; missing ["a"], not expected ["b"]}, counting repeats; empty when only the order differs. */
    private static String difference(List<String> expected, List<String> found) {
        List<String> missing = new ArrayList<>(expected);
        List<String> unexpected = new ArrayList<>();
        for (String type : found) {
            if (!missing.remove(type)) {
                unexpected.add(type);
            }
        }
        if (missing.isEmpty() && unexpected.isEmpty()) {
            return " (the same types in another order)";
        }
        List<String> parts = new ArrayList<>();
        if (!missing.isEmpty()) {
            parts.add("missing " + EventText.types(missing));
        }
        if (!unexpected.isEmpty()) {
            parts.add("not expected " + EventText.types(unexpected));
        }
        return "; " + String.join(", ", parts);
    }
}
