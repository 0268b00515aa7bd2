package dev.auditweave.sample.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.auditweave.sample.EventTypes;
import dev.auditweave.sample.script.Expected;
import dev.auditweave.sample.script.Script;
import dev.auditweave.sample.script.Step;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The demo's checker fails when it should: the demo cannot pass by accident. */
class RunCheckTest {

    private static final long START = 1_800_000_000_000L;
    private static final long END = START + 3_000;

    private final List<Step> steps = Script.steps();

    @Test
    void whatTheScriptExpectsPasses() {
        RunResult result = RunCheck.check(steps, perfectRun(), START, END);

        assertThat(result.problems()).isEmpty();
        assertThat(result.redeliveries()).hasSize(1);
        assertThat(result.notSent()).isNotEmpty().allMatch(NotSentCheck::ok);
    }

    @Test
    void aMissingEventFails() {
        Received perfect = perfectRun();
        List<ReceivedEvent> events = new ArrayList<>(perfect.events());
        events.remove(0);

        RunResult result = RunCheck.check(steps, new Received(events, perfect.duplicates(), 1, 0), START, END);

        assertThat(result.problems()).anyMatch(problem -> problem.contains("missing: " + EventTypes.AUTH_SIGNUP));
    }

    @Test
    void aFlatDestinationNeedsNoIdsOrTimesAndComparesByData() {
        List<Step> authSteps = steps.stream().map(step -> step.only(Destination.AUTH::receives)).toList();
        Received flat = flatRun(authSteps);

        RunResult a = RunCheck.checkFlat(authSteps, flat);
        RunResult b = RunCheck.checkFlat(authSteps, flatRun(authSteps));

        assertThat(a.problems()).isEmpty();
        assertThat(a.matches()).hasSize(6);
        assertThat(RunCheck.check(authSteps, flat, START, END).problems()).anyMatch(problem -> problem.contains("no id"));
        ModeComparison comparison = ModeComparison.compareFlat("a", a, "b", b);
        assertThat(comparison.problems()).isEmpty();
        assertThat(comparison.sameData()).isEqualTo(6);
    }

    @Test
    void anAuthEventWithoutItsEnrichedFieldsFails() {
        List<Step> authSteps = steps.stream().map(step -> step.only(Destination.AUTH::receives)).toList();
        List<ReceivedEvent> events = new ArrayList<>(flatRun(authSteps).events());
        ReceivedEvent first = events.remove(0);
        events.add(0, new ReceivedEvent(null, first.type(), null,
                ((ObjectNode) first.data().deepCopy()).without("org_memberships")));

        RunResult result = RunCheck.checkFlat(authSteps, new Received(events, List.of(), events.size(), 0));

        assertThat(result.problems()).anyMatch(problem -> problem.contains("missing: " + EventTypes.AUTH_SIGNUP));
    }

    @Test
    void aSignInSentThoughTheAccountIsBlockedFails() {
        List<Step> authSteps = steps.stream().map(step -> step.only(Destination.AUTH::receives)).toList();
        List<ReceivedEvent> events = new ArrayList<>(flatRun(authSteps).events());
        events.add(new ReceivedEvent(null, EventTypes.AUTH_SIGNIN, null, JsonMatch.toJson(
                Expected.event(EventTypes.AUTH_SIGNIN, "kilo_user_id", Script.DAVE, "event_type", "signin").data())));

        RunResult result = RunCheck.checkFlat(authSteps, new Received(events, List.of(), events.size(), 0));

        assertThat(result.problems()).anyMatch(problem -> problem.contains("sent although the account is blocked"));
    }

    @Test
    void anEventSentWhereNothingChangedFails() {
        Received perfect = perfectRun();
        List<ReceivedEvent> events = new ArrayList<>(perfect.events());
        events.add(received(Expected.event(EventTypes.USER_BLOCKED, "kilo_user_id", Script.ALICE,
                "reason", "chargeback abuse", "actor_email", Script.ADMIN_EMAIL), START + 10));

        RunResult result = RunCheck.check(steps, new Received(events, perfect.duplicates(), 1, 0), START, END);

        assertThat(result.notSent()).anyMatch(check -> !check.ok());
        assertThat(result.problems()).anyMatch(problem -> problem.contains("sent although no row changed"));
    }

    @Test
    void aRedeliveryWithAFreshIdFails() {
        Received perfect = perfectRun();
        ReceivedEvent duplicate = perfect.duplicates().get(0);
        List<ReceivedEvent> events = new ArrayList<>(perfect.events());
        events.add(new ReceivedEvent("fresh-id", duplicate.type(), duplicate.occurredAt(), duplicate.data()));

        RunResult result = RunCheck.check(steps, new Received(events, List.of(), 1, 0), START, END);

        assertThat(result.problems()).anyMatch(problem -> problem.contains("did not arrive with the original's id"));
    }

    @Test
    void aWrongTimeFails() {
        Received perfect = perfectRun();
        List<ReceivedEvent> events = new ArrayList<>();
        for (ReceivedEvent event : perfect.events()) {
            events.add(new ReceivedEvent(event.id(), event.type(), START - 60_000, event.data()));
        }

        RunResult result = RunCheck.check(steps, new Received(events, perfect.duplicates(), 1, 0), START, END);

        assertThat(result.problems()).anyMatch(problem -> problem.contains("outside the run"))
                .anyMatch(problem -> problem.contains("occurred_at " + (START - 60_000) + ", expected"));
    }

    @Test
    void refusedRequestsFail() {
        Received perfect = perfectRun();

        RunResult result = RunCheck.check(steps,
                new Received(perfect.events(), perfect.duplicates(), 1, 1), START, END);

        assertThat(result.problems()).anyMatch(problem -> problem.contains("401"));
    }

    @Test
    void twoIdenticalRunsCompareEqualButFreshIdsAreRequired() {
        RunResult a = RunCheck.check(steps, perfectRun(), START, END);
        RunResult b = RunCheck.check(steps, perfectRun(), START, END);

        ModeComparison comparison = ModeComparison.compare("a", a, "b", b);
        assertThat(comparison.problems()).isEmpty();
        assertThat(comparison.keyed()).isEqualTo(7);
        assertThat(comparison.timed()).isEqualTo(7);

        ModeComparison withItself = ModeComparison.compare("a", a, "a", a);
        assertThat(withItself.problems()).anyMatch(problem -> problem.contains("no idempotency key but the same id"));
    }

    @Test
    void aDeleteSentThoughItsTransactionRolledBackFails() {
        Received perfect = perfectRun();
        List<ReceivedEvent> events = new ArrayList<>(perfect.events());
        events.add(received(Expected.event(EventTypes.USER_DELETED, "kilo_user_id", Script.BOB), START + 10));

        RunResult result = RunCheck.check(steps, new Received(events, perfect.duplicates(), 1, 0), START, END);

        assertThat(result.problems()).anyMatch(problem -> problem.contains("sent although the precondition")
                && problem.contains(EventTypes.USER_DELETED));
    }

    @Test
    void aRenameSentThoughItsBatchRolledBackFails() {
        Received perfect = perfectRun();
        List<ReceivedEvent> events = new ArrayList<>(perfect.events());
        events.add(received(Expected.event(EventTypes.USER_EMAIL_CHANGED, "kilo_user_id", Script.ALICE,
                "previous_email", "alice@example.com", "email", "alice@corp.example"), START + 10));

        RunResult result = RunCheck.check(steps, new Received(events, perfect.duplicates(), 1, 0), START, END);

        assertThat(result.problems()).anyMatch(problem -> problem.contains("sent although carol@example.com is taken"));
    }

    @Test
    void aDestinationIsCheckedOnlyForTheTypesItReceives() {
        List<Step> abuseSteps = steps.stream().map(step -> step.only(Destination.ABUSE::receives)).toList();
        Received perfect = perfectRun();
        List<ReceivedEvent> abuseEvents = perfect.events().stream()
                .filter(event -> Destination.ABUSE.receives(event.type())).toList();

        assertThat(RunCheck.check(abuseSteps, new Received(abuseEvents, perfect.duplicates(), 1, 0), START, END)
                .problems()).isEmpty();
        assertThat(RunCheck.check(abuseSteps, perfect, START, END).problems())
                .anyMatch(problem -> problem.startsWith("unexpected event: " + EventTypes.SUBSCRIPTION_UPGRADED));
    }

    @Test
    void theSameActionAtTwoDestinationsMustBeOneEvent() {
        RunResult abuse = RunCheck.check(steps.stream().map(step -> step.only(Destination.ABUSE::receives)).toList(),
                filtered(perfectRun(), Destination.ABUSE), START, END);
        Received perfect = perfectRun();
        RunResult sameEvents = RunCheck.check(steps, sameIds(abuse, perfect), START, END);
        RunResult freshEvents = RunCheck.check(steps, perfect, START, END);

        DestinationComparison same = DestinationComparison.compare("abuse", abuse, "audit", sameEvents);
        assertThat(same.problems()).isEmpty();
        assertThat(same.both()).isEqualTo(abuse.matches().size()).isGreaterThan(0);

        DestinationComparison fresh = DestinationComparison.compare("abuse", abuse, "audit", freshEvents);
        assertThat(fresh.passed()).isFalse();
        assertThat(fresh.problems()).anyMatch(problem -> problem.contains(EventTypes.USER_BLOCKED));
    }

    private static Received filtered(Received received, Destination destination) {
        return new Received(received.events().stream().filter(event -> destination.receives(event.type())).toList(),
                received.duplicates(), received.batches(), 0);
    }

    /** {@code all}, where each event that {@code abuse} got has the id abuse saw. */
    private static Received sameIds(RunResult abuse, Received all) {
        List<ReceivedEvent> remaining = new ArrayList<>(abuse.matches().stream().map(Match::event).toList());
        List<ReceivedEvent> events = new ArrayList<>();
        for (ReceivedEvent event : all.events()) {
            ReceivedEvent twin = remaining.stream()
                    .filter(other -> other.type().equals(event.type()) && JsonMatch.same(other.data(), event.data()))
                    .findFirst().orElse(null);
            if (twin != null) {
                remaining.remove(twin);
                events.add(new ReceivedEvent(twin.id(), event.type(), twin.occurredAt(), event.data()));
            } else {
                events.add(event);
            }
        }
        return new Received(events, all.duplicates(), all.batches(), 0);
    }

    /** What a correct flat destination gets: every expectation once, without id or time. */
    private static Received flatRun(List<Step> flatSteps) {
        List<ReceivedEvent> events = flatSteps.stream().flatMap(step -> step.expected().stream())
                .map(expected -> new ReceivedEvent(null, expected.type(), null, JsonMatch.toJson(expected.data())))
                .toList();
        return new Received(events, List.of(), events.size(), 0);
    }

    /** What a correct run delivers: every expectation once, the redelivery as a duplicate of the original. */
    private Received perfectRun() {
        List<ReceivedEvent> events = new ArrayList<>();
        List<ReceivedEvent> duplicates = new ArrayList<>();
        for (Step step : steps) {
            for (Expected expected : step.expected()) {
                ReceivedEvent event = received(expected, START + 1_000);
                (expected.redelivery() ? duplicates : events).add(event);
            }
        }
        return new Received(events, duplicates, 3, 0);
    }

    private static ReceivedEvent received(Expected expected, long now) {
        String id = expected.idempotent()
                ? UUID.nameUUIDFromBytes((expected.type() + expected.data()).getBytes(StandardCharsets.UTF_8)).toString()
                : UUID.randomUUID().toString();
        long occurredAt = expected.occurredAt() != null ? expected.occurredAt() : now;
        return new ReceivedEvent(id, expected.type(), occurredAt, JsonMatch.toJson(expected.data()));
    }
}
