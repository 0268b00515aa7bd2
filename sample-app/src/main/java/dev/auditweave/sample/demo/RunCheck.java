package dev.auditweave.sample.demo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.auditweave.sample.script.Expected;
import dev.auditweave.sample.script.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Checks what the receiver got in one run against the script: every expected event arrived once with the
 * expected data and time, every redelivery arrived as a duplicate with the original's id, nothing was sent
 * where the script says nothing, and nothing else arrived. A flat destination's events have no id and no time:
 * {@link #checkFlat} checks their type and data only.
 */
public final class RunCheck {

    /** How far {@code occurred_at} may lie outside the child's run when it is "the moment the method returned". */
    static final long CLOCK_TOLERANCE_MS = 2_000;

    private RunCheck() {
    }

    /**
     * @param startMillis when the child JVM was started
     * @param endMillis   when it had exited
     */
    public static RunResult check(List<Step> steps, Received received, long startMillis, long endMillis) {
        return check(steps, received, startMillis, endMillis, false);
    }

    /** The same for a flat destination ({@code format=flat}): type and data, no id or time to check. */
    public static RunResult checkFlat(List<Step> steps, Received received) {
        return check(steps, received, 0, 0, true);
    }

    private static RunResult check(List<Step> steps, Received received, long startMillis, long endMillis,
                                   boolean flat) {
        List<ReceivedEvent> remaining = new ArrayList<>(received.events());
        List<ReceivedEvent> remainingDuplicates = new ArrayList<>(received.duplicates());
        List<Match> matches = new ArrayList<>();
        List<Match> redeliveries = new ArrayList<>();
        List<String> problems = new ArrayList<>();

        int position = 0;
        for (int i = 0; i < steps.size(); i++) {
            int step = i + 1;
            for (Expected expected : steps.get(i).expected()) {
                position++;
                if (expected.redelivery()) {
                    checkRedelivery(step, position, expected, matches, remainingDuplicates, redeliveries, problems);
                    continue;
                }
                ReceivedEvent event = take(remaining, expected);
                if (event == null) {
                    problems.add(String.format("[%02d] missing: %s", step, expected.describe()));
                    continue;
                }
                matches.add(new Match(step, position, expected, event));
                if (!flat) {
                    checkIdAndTime(step, expected, event, startMillis, endMillis, problems);
                }
            }
        }

        List<NotSentCheck> notSent = notSentChecks(steps, received.events());
        for (NotSentCheck check : notSent) {
            if (!check.ok()) {
                problems.add(String.format("[%02d] sent although %s: %s received %d time(s), expected %d",
                        check.step(), check.why(), check.pattern().describe(), check.received(), check.allowed()));
            }
        }
        for (ReceivedEvent event : remaining) {
            problems.add("unexpected event: " + event.type() + " " + event.data());
        }
        if (received.rejected() > 0) {
            problems.add(received.rejected() + " request(s) refused with 401: wrong or missing CF-Access headers");
        }
        return new RunResult(received, matches, redeliveries, notSent, remaining, remainingDuplicates, problems);
    }

    private static ReceivedEvent take(List<ReceivedEvent> events, Expected expected) {
        JsonNode data = JsonMatch.toJson(expected.data());
        for (int i = 0; i < events.size(); i++) {
            ReceivedEvent event = events.get(i);
            if (expected.type().equals(event.type()) && JsonMatch.same(data, event.data())) {
                return events.remove(i);
            }
        }
        return null;
    }

    private static void checkIdAndTime(int step, Expected expected, ReceivedEvent event, long startMillis,
                                       long endMillis, List<String> problems) {
        if (event.id() == null || event.id().isBlank()) {
            problems.add(String.format("[%02d] %s has no id", step, expected.type()));
        }
        if (event.occurredAt() == null) {
            problems.add(String.format("[%02d] %s has no occurred_at", step, expected.type()));
        } else if (expected.occurredAt() != null) {
            if (!expected.occurredAt().equals(event.occurredAt())) {
                problems.add(String.format("[%02d] %s occurred_at %d, expected %d", step, expected.type(),
                        event.occurredAt(), expected.occurredAt()));
            }
        } else if (event.occurredAt() < startMillis - CLOCK_TOLERANCE_MS
                || event.occurredAt() > endMillis + CLOCK_TOLERANCE_MS) {
            problems.add(String.format("[%02d] %s occurred_at %d is outside the run (%d..%d)", step,
                    expected.type(), event.occurredAt(), startMillis, endMillis));
        }
    }

    private static void checkRedelivery(int step, int position, Expected expected, List<Match> matches,
                                        List<ReceivedEvent> duplicates, List<Match> redeliveries,
                                        List<String> problems) {
        Match original = matches.stream()
                .filter(match -> match.expected().type().equals(expected.type())
                        && match.expected().data().equals(expected.data()))
                .reduce((first, second) -> second)
                .orElse(null);
        if (original == null) {
            problems.add(String.format("[%02d] redelivery of %s: the original never arrived", step, expected.type()));
            return;
        }
        ReceivedEvent first = original.event();
        for (int i = 0; i < duplicates.size(); i++) {
            ReceivedEvent duplicate = duplicates.get(i);
            if (Objects.equals(duplicate.id(), first.id())) {
                duplicates.remove(i);
                redeliveries.add(new Match(step, position, expected, duplicate));
                if (!expected.type().equals(duplicate.type()) || !JsonMatch.same(first.data(), duplicate.data())
                        || !Objects.equals(first.occurredAt(), duplicate.occurredAt())) {
                    problems.add(String.format("[%02d] redelivery of %s has the same id but other content: %s",
                            step, expected.type(), duplicate));
                }
                return;
            }
        }
        problems.add(String.format("[%02d] redelivery of %s did not arrive with the original's id %s",
                step, expected.type(), first.id()));
    }

    private static List<NotSentCheck> notSentChecks(List<Step> steps, List<ReceivedEvent> events) {
        List<NotSentCheck> checks = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            for (Expected pattern : step.notSent()) {
                JsonNode keys = JsonMatch.toJson(pattern.data());
                long allowed = steps.stream()
                        .flatMap(other -> other.expected().stream())
                        .filter(expected -> !expected.redelivery() && expected.type().equals(pattern.type())
                                && JsonMatch.contains(JsonMatch.toJson(expected.data()), keys))
                        .count();
                long received = events.stream()
                        .filter(event -> pattern.type().equals(event.type()) && JsonMatch.contains(event.data(), keys))
                        .count();
                checks.add(new NotSentCheck(i + 1, step.description(), step.why(), pattern, allowed, received));
            }
        }
        return checks;
    }
}
