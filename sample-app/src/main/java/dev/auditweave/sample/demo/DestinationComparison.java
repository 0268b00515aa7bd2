package dev.auditweave.sample.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Whether one action reached two destinations as one event: every expectation that both destinations fulfilled
 * (same step, same expected event) arrived at both with the same id, {@code occurred_at} and data.
 *
 * @param both     the expectations fulfilled at both destinations
 * @param same     of those, how many arrived as the same event (id, time and data)
 * @param problems every difference, in words
 */
public record DestinationComparison(int both, int same, List<String> problems) {

    public DestinationComparison {
        problems = List.copyOf(problems);
    }

    public boolean passed() {
        return problems.isEmpty();
    }

    public static DestinationComparison compare(String nameA, RunResult a, String nameB, RunResult b) {
        List<Match> inB = new ArrayList<>(b.matches());
        List<String> problems = new ArrayList<>();
        int both = 0;
        int same = 0;
        for (Match matchA : a.matches()) {
            Match matchB = take(inB, matchA);
            if (matchB == null) {
                continue;
            }
            both++;
            ReceivedEvent eventA = matchA.event();
            ReceivedEvent eventB = matchB.event();
            if (Objects.equals(eventA.id(), eventB.id()) && Objects.equals(eventA.occurredAt(), eventB.occurredAt())
                    && JsonMatch.same(eventA.data(), eventB.data())) {
                same++;
            } else {
                problems.add(String.format("[%02d] %s reached %s as %s and %s as %s", matchA.step(),
                        matchA.expected().type(), nameA, eventA, nameB, eventB));
            }
        }
        return new DestinationComparison(both, same, problems);
    }

    private static Match take(List<Match> matches, Match wanted) {
        for (int i = 0; i < matches.size(); i++) {
            Match match = matches.get(i);
            if (match.step() == wanted.step() && match.expected().equals(wanted.expected())) {
                return matches.remove(i);
            }
        }
        return null;
    }
}
