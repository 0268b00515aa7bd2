package dev.auditweave.sample.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Whether two runs (the -javaagent one and the build-time woven one) produced the same events: same type and
 * data for every expectation, the same {@code occurred_at} where it comes from the business data, the same
 * id where the annotation has an idempotency key, and fresh ids everywhere else. Events of a flat destination have
 * no id and no time: only their type and data are compared ({@link #compareFlat}).
 *
 * @param compared the expectations fulfilled in both runs
 * @param sameData of those, how many have the same type and data
 * @param timed    how many have a declared time source ({@code occurredAt = ...})
 * @param sameTime of those, how many have the same {@code occurred_at}
 * @param keyed    how many have an idempotency key
 * @param sameIds  of those, how many have the same id
 * @param unkeyed  how many have no idempotency key
 * @param freshIds of those, how many have different ids in the two runs
 * @param problems every difference, in words
 */
public record ModeComparison(int compared, int sameData, int timed, int sameTime, int keyed, int sameIds,
                             int unkeyed, int freshIds, List<String> problems) {

    public boolean same() {
        return problems.isEmpty();
    }

    public static ModeComparison compare(String nameA, RunResult a, String nameB, RunResult b) {
        return compare(nameA, a, nameB, b, false);
    }

    /** The same for a flat destination: type and data only. */
    public static ModeComparison compareFlat(String nameA, RunResult a, String nameB, RunResult b) {
        return compare(nameA, a, nameB, b, true);
    }

    private static ModeComparison compare(String nameA, RunResult a, String nameB, RunResult b, boolean flat) {
        Map<Integer, Match> inB = b.matches().stream()
                .collect(Collectors.toMap(Match::position, Function.identity()));
        List<String> problems = new ArrayList<>();
        int compared = 0;
        int sameData = 0;
        int timed = 0;
        int sameTime = 0;
        int keyed = 0;
        int sameIds = 0;
        int unkeyed = 0;
        int freshIds = 0;
        for (Match matchA : a.matches()) {
            Match matchB = inB.remove(matchA.position());
            String label = String.format("[%02d] %s", matchA.step(), matchA.expected().type());
            if (matchB == null) {
                problems.add(label + " arrived in " + nameA + " only");
                continue;
            }
            compared++;
            ReceivedEvent eventA = matchA.event();
            ReceivedEvent eventB = matchB.event();
            if (Objects.equals(eventA.type(), eventB.type()) && JsonMatch.same(eventA.data(), eventB.data())) {
                sameData++;
            } else {
                problems.add(label + " differs: " + eventA.data() + " vs " + eventB.data());
            }
            if (flat) {
                continue;
            }
            if (matchA.expected().occurredAt() != null) {
                timed++;
                if (Objects.equals(eventA.occurredAt(), eventB.occurredAt())) {
                    sameTime++;
                } else {
                    problems.add(label + " occurred_at differs: " + eventA.occurredAt() + " vs " + eventB.occurredAt());
                }
            }
            if (matchA.expected().idempotent()) {
                keyed++;
                if (Objects.equals(eventA.id(), eventB.id())) {
                    sameIds++;
                } else {
                    problems.add(label + " has an idempotency key but different ids: " + eventA.id() + " vs "
                            + eventB.id());
                }
            } else {
                unkeyed++;
                if (!Objects.equals(eventA.id(), eventB.id())) {
                    freshIds++;
                } else {
                    problems.add(label + " has no idempotency key but the same id in both runs: " + eventA.id());
                }
            }
        }
        for (Match matchB : inB.values()) {
            problems.add(String.format("[%02d] %s arrived in %s only", matchB.step(), matchB.expected().type(), nameB));
        }
        if (a.redeliveries().size() != b.redeliveries().size()) {
            problems.add("redeliveries received as duplicates: " + a.redeliveries().size() + " vs "
                    + b.redeliveries().size());
        }
        return new ModeComparison(compared, sameData, timed, sameTime, keyed, sameIds, unkeyed, freshIds, problems);
    }
}
