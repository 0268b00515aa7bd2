package dev.auditweave.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auditweave.agent.EmittedEvent;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The assertions and their messages, on a recording fed by hand (no runtime, no JUnit extension). */
class EmittedEventsAssertTest {

    private static final Duration SHORT = Duration.ofMillis(50);

    private final FakeRuntime runtime = new FakeRuntime();
    private final Recording recording = Recording.start("EmittedEventsAssertTest.case", runtime);
    private final EmittedEvents events = recording.events();

    @AfterEach
    void stop() {
        recording.stop();
    }

    // ---- containsEvent ----

    @Test
    void containsEvent_passesForARecordedTypeAndNarrowsByData() {
        runtime.emit("user.blocked", Map.of("kilo_user_id", "u-2", "reason", "spam"));
        runtime.emit("user.blocked", Map.of("kilo_user_id", "u-1", "reason", "abuse"));

        EmittedEventAssert found = AuditweaveAssertions.assertThat(events).containsEvent("user.blocked")
                .withData("kilo_user_id", "u-1");

        found.extracting(event -> event.data().get("reason")).isEqualTo("abuse");
        found.withData("reason", "abuse");
    }

    @Test
    void containsEvent_failsListingWhatWasEmittedInstead() {
        runtime.emit("org.member_added", data("kilo_user_id", "u-1", "organization_id", "o-1"));
        runtime.emit("user.unblocked", data("kilo_user_id", "u-1", "reason", null));

        assertThatThrownBy(() -> AuditweaveAssertions.assertThat(events).within(SHORT).containsEvent("user.blocked"))
                .isInstanceOf(AssertionError.class)
                .hasMessage("Expected an event of type \"user.blocked\" within 50 ms, but none of that type was"
                        + " emitted; the test emitted 2 events:"
                        + "\n  1. org.member_added {kilo_user_id=\"u-1\", organization_id=\"o-1\"}"
                        + "\n  2. user.unblocked {kilo_user_id=\"u-1\", reason=null}");
    }

    @Test
    void withData_failsNamingTheConditionsAndListingTheEventsOfThatType() {
        runtime.emit("user.blocked", Map.of("kilo_user_id", "u-2"));

        assertThatThrownBy(() -> AuditweaveAssertions.assertThat(events).within(SHORT).containsEvent("user.blocked")
                .withData("kilo_user_id", "u-1"))
                .hasMessage("Expected an event of type \"user.blocked\" with kilo_user_id=\"u-1\" within 50 ms, but"
                        + " the one event of that type does not match; the test emitted 1 event:"
                        + "\n  1. user.blocked {kilo_user_id=\"u-2\"}");
    }

    @Test
    void withData_aFieldAbsentDoesNotMatchAnExpectedNullButAFieldThatIsNullDoes() {
        runtime.emit("user.blocked", data("kilo_user_id", "u-1", "actor_email", null));

        AuditweaveAssertions.assertThat(events).containsEvent("user.blocked").withData("actor_email", null);
        assertThatThrownBy(() -> AuditweaveAssertions.assertThat(events).within(SHORT).containsEvent("user.blocked")
                .withData("reason", null)).hasMessageContaining("with reason=null");
    }

    @Test
    void withData_numbersCompareByValueAndAnEnumByItsName() {
        runtime.emit("billing.credit_purchased", Map.of("microdollars_acquired", 5_000L, "tier", "PRO"));

        AuditweaveAssertions.assertThat(events).containsEvent("billing.credit_purchased")
                .withData("microdollars_acquired", 5_000)
                .withData("microdollars_acquired", 5_000.0)
                .withData("tier", Tier.PRO);
        assertThatThrownBy(() -> AuditweaveAssertions.assertThat(events).within(SHORT)
                .containsEvent("billing.credit_purchased").withData("microdollars_acquired", 5_001))
                .hasMessageContaining("with microdollars_acquired=5001 within 50 ms");
    }

    @Test
    void withIdAndWithOccurredAt_matchTheEventsIdAndTime() {
        runtime.emit("stripe.charge.failed", Map.of());

        AuditweaveAssertions.assertThat(events).containsEvent("stripe.charge.failed")
                .withId("id-stripe.charge.failed").withOccurredAt(1L);
        assertThatThrownBy(() -> AuditweaveAssertions.assertThat(events).within(SHORT)
                .containsEvent("stripe.charge.failed").withId("other"))
                .hasMessageContaining("with id \"other\" within");
    }

    @Test
    void containsEvent_waitsForAnEventRecordedOnAnotherThreadWhileItWaits() throws InterruptedException {
        Thread test = Thread.currentThread();
        Thread emitter = new Thread(() -> {
            // Emits only once the assertion is waiting, so that it can pass only by waking up.
            while (test.getState() != Thread.State.TIMED_WAITING) {
                Thread.onSpinWait();
            }
            runtime.emit("signin", Map.of("kilo_user_id", "u-1"));
        });
        emitter.start();

        AuditweaveAssertions.assertThat(events).within(Duration.ofSeconds(30)).containsEvent("signin");
        emitter.join();
    }

    @Test
    void containsEvent_withNothingEmittedSaysSoAndHintsAtAMissingSink() {
        runtime.sinks = false;

        assertThatThrownBy(() -> AuditweaveAssertions.assertThat(events).within(SHORT).containsEvent("user.blocked"))
                .hasMessage("Expected an event of type \"user.blocked\" within 50 ms, but no event at all was emitted"
                        + " during the test\n(auditweave has no sink, so it captures nothing: is auditweave.sink=none?)");
    }

    // ---- doesNotContainEvent, containsNoEvents ----

    @Test
    void doesNotContainEvent_settlesFirstAndPassesWhenNoneOfTheTypeCame() {
        runtime.emit("user.unblocked", Map.of());

        AuditweaveAssertions.assertThat(events).doesNotContainEvent("user.blocked");

        assertThat(runtime.settleCalls).isEqualTo(1);
    }

    @Test
    void doesNotContainEvent_failsPointingAtTheEvent() {
        runtime.emit("user.unblocked", Map.of());
        runtime.emit("user.blocked", Map.of("kilo_user_id", "u-1"));

        assertThatThrownBy(() -> AuditweaveAssertions.assertThat(events).doesNotContainEvent("user.blocked"))
                .hasMessage("Expected no event of type \"user.blocked\", but event 2 of the 2 the test emitted is one:"
                        + "\n  1. user.unblocked {}\n  2. user.blocked {kilo_user_id=\"u-1\"}");
    }

    @Test
    void doesNotContainEvent_refusesToPassWhileEventsAreStillInEnrichment() {
        runtime.settles = false;

        assertThatThrownBy(() -> AuditweaveAssertions.assertThat(events).within(SHORT)
                .doesNotContainEvent("signin"))
                .hasMessage("Cannot tell that no event of type \"signin\" was emitted: auditweave still had events in"
                        + " enrichment after 50 ms (an enricher slower than that? see auditweave.enrich.timeout-ms);"
                        + " so far the test emitted no event at all");
    }

    @Test
    void containsNoEvents_failsListingTheEvents() {
        AuditweaveAssertions.assertThat(events).containsNoEvents();
        runtime.emit("user.deleted", Map.of("kilo_user_id", "u-1"));

        assertThatThrownBy(() -> AuditweaveAssertions.assertThat(events).containsNoEvents())
                .hasMessage("Expected no event at all, but the test emitted 1 event:"
                        + "\n  1. user.deleted {kilo_user_id=\"u-1\"}");
    }

    // ---- containsExactlyTypes ----

    @Test
    void containsExactlyTypes_passesForTheTypesInOrderWithRepeats() {
        runtime.emit("user.email_changed", Map.of());
        runtime.emit("user.email_changed", Map.of());

        AuditweaveAssertions.assertThat(events).containsExactlyTypes("user.email_changed", "user.email_changed");
        AuditweaveAssertions.assertThat(new EmittedEvents("empty", new FakeRuntime())).containsExactlyTypes();
    }

    @Test
    void containsExactlyTypes_failsNamingWhatIsMissingAndWhatWasNotExpected() {
        runtime.emit("org.member_added", Map.of("kilo_user_id", "u-1"));
        runtime.emit("org.member_added", Map.of("kilo_user_id", "u-1"));

        assertThatThrownBy(() -> AuditweaveAssertions.assertThat(events).within(SHORT)
                .containsExactlyTypes("org.member_added", "org.created"))
                .hasMessage("Expected events of exactly the types [\"org.member_added\", \"org.created\"] in this"
                        + " order, but the test emitted [\"org.member_added\", \"org.member_added\"]; missing"
                        + " [\"org.created\"], not expected [\"org.member_added\"]:"
                        + "\n  1. org.member_added {kilo_user_id=\"u-1\"}\n  2. org.member_added {kilo_user_id=\"u-1\"}");
    }

    @Test
    void containsExactlyTypes_saysWhenOnlyTheOrderDiffers() {
        runtime.emit("user.blocked", Map.of());
        runtime.emit("user.unblocked", Map.of());

        assertThatThrownBy(() -> AuditweaveAssertions.assertThat(events)
                .containsExactlyTypes("user.unblocked", "user.blocked"))
                .hasMessageContaining("[\"user.blocked\", \"user.unblocked\"] (the same types in another order):");
    }

    // ---- recording ----

    @Test
    void recording_stopsTakingEventsWhenStopped() {
        runtime.emit("user.blocked", Map.of());
        recording.stop();
        runtime.emit("user.unblocked", Map.of());

        assertThat(events.types()).containsExactly("user.blocked");
        assertThat(runtime.taps).isEmpty();
    }

    @Test
    void recording_twoThatOverlapMakeEveryAssertionOfBothFailSayingWhy() {
        Recording other = Recording.start("OtherTest.parallel", runtime);
        try {
            runtime.emit("user.blocked", Map.of());

            String why = "Cannot tell the events of EmittedEventsAssertTest.case apart: 1 other test recorded events"
                    + " at the same time (OtherTest.parallel; JUnit parallel execution?), so their events are mixed."
                    + " Give every test class that uses AuditweaveExtension @ResourceLock(AuditweaveExtension.EVENTS),"
                    + " or run them with @Isolated.";
            assertThatThrownBy(() -> AuditweaveAssertions.assertThat(events).containsEvent("user.blocked"))
                    .hasMessage(why);
            assertThatThrownBy(() -> AuditweaveAssertions.assertThat(events).doesNotContainEvent("x")).hasMessage(why);
            assertThatThrownBy(() -> AuditweaveAssertions.assertThat(other.events()).containsExactlyTypes())
                    .hasMessageContaining("events of OtherTest.parallel apart")
                    .hasMessageContaining("(EmittedEventsAssertTest.case;");
        } finally {
            other.stop();
        }
    }

    @Test
    void emittedEvents_readsAreSnapshotsAndAwaitFirstFailsListingTheEvents() {
        runtime.emit("user.blocked", Map.of("kilo_user_id", "u-1"));
        List<EmittedEvent> before = events.all();
        runtime.emit("user.deleted", Map.of());

        assertThat(before).hasSize(1);
        assertThat(events.ofType("user.deleted")).hasSize(1);
        assertThat(events.awaitFirst("user.blocked", SHORT).data()).containsEntry("kilo_user_id", "u-1");
        assertThatThrownBy(() -> events.awaitFirst("signin", SHORT))
                .isInstanceOf(AssertionError.class)
                .hasMessage("Expected an event of type \"signin\" within 50 ms, but the test emitted 2 events:"
                        + "\n  1. user.blocked {kilo_user_id=\"u-1\"}\n  2. user.deleted {}");
    }

    // ---- bad input ----

    @Test
    void within_rejectsANegativeOrMissingTimeoutNamingIt() {
        assertThatThrownBy(() -> AuditweaveAssertions.assertThat(events).within(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("timeout must not be negative, was PT-0.001S");
        assertThatThrownBy(() -> AuditweaveAssertions.assertThat(events).within(null))
                .isInstanceOf(NullPointerException.class).hasMessage("timeout");
        assertThatThrownBy(() -> AuditweaveAssertions.assertThat(events).containsEvent(null))
                .isInstanceOf(NullPointerException.class).hasMessage("type");
    }

    @Test
    void assertThat_aNullRecordingFailsAsAssertJDoes() {
        assertThatThrownBy(() -> AuditweaveAssertions.assertThat(null).containsEvent("x"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("Expecting actual not to be null");
    }

    private static Map<String, Object> data(Object... keysAndValues) {
        Map<String, Object> data = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            data.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return data;
    }

    private enum Tier { PRO }
}
