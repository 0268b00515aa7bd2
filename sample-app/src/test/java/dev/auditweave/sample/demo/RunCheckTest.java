package dev.auditweave.sample.demo;

import static org.assertj.core.api.Assertions.assertThat;

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

        assertThat(result.problems()).anyMatch(problem -> problem.contains("missing: " + EventTypes.USER_BLOCKED));
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
        assertThat(comparison.keyed()).isEqualTo(2);
        assertThat(comparison.timed()).isEqualTo(2);

        ModeComparison withItself = ModeComparison.compare("a", a, "a", a);
        assertThat(withItself.problems()).anyMatch(problem -> problem.contains("no idempotency key but the same id"));
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
