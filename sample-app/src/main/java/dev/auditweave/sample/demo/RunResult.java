package dev.auditweave.sample.demo;

import java.util.List;

/**
 * One run of SampleApp checked against the script.
 *
 * @param received             what the receiver got
 * @param matches              expected events, each with the distinct event that fulfils it
 * @param redeliveries         expected redeliveries, each with the duplicate that fulfils it
 * @param notSent              the "must not send" checks
 * @param unexpected           distinct events no expectation accounts for
 * @param unexpectedDuplicates duplicates by id no redelivery accounts for (harmless: dropped by id)
 * @param problems             every failed expectation, in words; empty when the run passed
 */
public record RunResult(Received received, List<Match> matches, List<Match> redeliveries, List<NotSentCheck> notSent,
                        List<ReceivedEvent> unexpected, List<ReceivedEvent> unexpectedDuplicates,
                        List<String> problems) {

    public boolean passed() {
        return problems.isEmpty();
    }
}
