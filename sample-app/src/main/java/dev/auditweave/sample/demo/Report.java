package dev.auditweave.sample.demo;

import dev.auditweave.sample.script.Step;
import java.io.PrintStream;
import java.time.Instant;
import java.util.List;

/** Prints a checked run, destination by destination, and the comparison of the two modes, for people. */
final class Report {

    private static final String OK = "ok  ";
    private static final String FAIL = "FAIL";

    private final PrintStream out;

    Report(PrintStream out) {
        this.out = out;
    }

    void child(ChildRun child) {
        out.printf("%n  child exited with %d after %.1f s%n", child.exitCode(), child.seconds());
        if (child.exitCode() != 0) {
            out.printf("    %s SampleApp exited with %d%n", FAIL, child.exitCode());
        }
    }

    void destination(Destination destination, RunResult result) {
        Received received = result.received();
        out.printf("%n  -- sink %s: %s (types %s) --%n", destination.sink(), destination.title(),
                destination.typesSetting());
        out.printf("  it got %d distinct event(s) in %d request(s), %d duplicate(s) by id, "
                        + "%d request(s) refused with 401%n",
                received.events().size(), received.batches(), received.duplicates().size(), received.rejected());

        out.println(destination.flat()
                ? "\n  Payloads received (type auth.<event_type>, the flat payload), by the step that caused them:"
                : "\n  Events received (type, id, occurred_at, data), by the step that caused them:");
        for (Match match : result.matches()) {
            ReceivedEvent event = match.event();
            if (destination.flat()) {
                out.printf("    %s [%02d] %s%n", OK, match.step(), event.type());
            } else {
                out.printf("    %s [%02d] %-40s id=%s occurred_at=%s%n", OK, match.step(), event.type(), event.id(),
                        time(event.occurredAt()));
            }
            out.printf("                data=%s%n", event.data());
        }
        for (ReceivedEvent event : result.unexpected()) {
            out.printf("    %s unexpected %-38s id=%s occurred_at=%s%n                data=%s%n", FAIL, event.type(),
                    event.id(), time(event.occurredAt()), event.data());
        }

        out.println("\n  Rightly not sent:");
        int lastStep = 0;
        for (NotSentCheck check : result.notSent()) {
            if (check.step() != lastStep) {
                boolean stepOk = result.notSent().stream()
                        .filter(other -> other.step() == check.step())
                        .allMatch(NotSentCheck::ok);
                out.printf("    %s [%02d] %s: %s%n", stepOk ? OK : FAIL, check.step(), check.description(),
                        check.why());
                lastStep = check.step();
            }
            out.printf("                %s: %s%n", check.pattern().describe(), tally(check));
        }

        out.println("\n  Duplicates by id (dropped by the receiver):");
        for (Match match : result.redeliveries()) {
            out.printf("    %s [%02d] %s id=%s: the redelivered webhook got the original's id%n", OK, match.step(),
                    match.event().type(), match.event().id());
        }
        for (ReceivedEvent event : result.unexpectedDuplicates()) {
            out.printf("    note unexpected duplicate (harmless, dropped): %s id=%s%n", event.type(), event.id());
        }
        if (result.redeliveries().isEmpty() && result.unexpectedDuplicates().isEmpty()) {
            out.println("    none");
        }
        for (String problem : result.problems()) {
            out.printf("    %s %s%n", FAIL, problem);
        }
    }

    void sameAction(Destination a, Destination b, DestinationComparison comparison) {
        out.printf("%n  -- the same action at two destinations --%n");
        out.printf("    %s %d of %d events that both %s and %s take arrived at both as one event "
                        + "(same id, occurred_at and data)%n", mark(comparison.passed()), comparison.same(),
                comparison.both(), a.sink(), b.sink());
        for (String problem : comparison.problems()) {
            out.printf("    %s %s%n", FAIL, problem);
        }
    }

    void verdict(String name, boolean passed) {
        out.printf("%n  %s: %s%n", name, passed ? "PASS" : "FAIL");
    }

    void comparison(Destination destination, ModeComparison comparison) {
        out.printf("  sink %s:%n", destination.sink());
        out.printf("    %s %d of %d events have the same type and data in both modes%n",
                mark(comparison.sameData() == comparison.compared()), comparison.sameData(), comparison.compared());
        if (destination.flat()) {
            out.println("    (flat payloads have no id and no occurred_at to compare)");
        } else {
            printTimesAndIds(comparison);
        }
        for (String problem : comparison.problems()) {
            out.printf("    %s %s%n", FAIL, problem);
        }
    }

    private void printTimesAndIds(ModeComparison comparison) {
        out.printf("    %s %d of %d events with a declared time source have the same occurred_at%n",
                mark(comparison.sameTime() == comparison.timed()), comparison.sameTime(), comparison.timed());
        out.printf("    %s %d of %d idempotency-keyed events have the same id%n",
                mark(comparison.sameIds() == comparison.keyed()), comparison.sameIds(), comparison.keyed());
        out.printf("    %s %d of %d other events have a fresh id in each mode%n",
                mark(comparison.freshIds() == comparison.unkeyed()), comparison.freshIds(), comparison.unkeyed());
    }

    void script(List<Step> steps) {
        long events = steps.stream().flatMap(step -> step.expected().stream()).filter(e -> !e.redelivery()).count();
        long redeliveries = steps.stream().flatMap(step -> step.expected().stream()).filter(e -> e.redelivery()).count();
        long silent = steps.stream().filter(step -> step.expected().isEmpty()).count();
        out.printf("The script: %d operations; expects %d distinct events, %d redelivery, and %d operations that "
                + "must send nothing.%n", steps.size(), events, redeliveries, silent);
    }

    private static String tally(NotSentCheck check) {
        if (check.received() == 0) {
            return "none received";
        }
        if (!check.ok()) {
            return "received " + check.received() + ", but other steps expect only " + check.allowed();
        }
        return check.allowed() == 1 ? "received 1, the one another step expects"
                : "received " + check.received() + ", the ones other steps expect";
    }

    private static String mark(boolean ok) {
        return ok ? OK : FAIL;
    }

    private static String time(Long epochMillis) {
        return epochMillis == null ? "(none)" : epochMillis + " (" + Instant.ofEpochMilli(epochMillis) + ")";
    }
}
