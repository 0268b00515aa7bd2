package dev.auditweave.sample.script;

import dev.auditweave.sample.SampleServices;
import java.util.List;
import java.util.function.Predicate;

/**
 * One scripted operation of the sample app and what it must produce.
 *
 * @param description what the operation does, for people
 * @param action      the operation itself
 * @param failure     true when the operation must throw (and roll back)
 * @param expected    the events it must emit, in order; empty when it must emit nothing
 * @param why         when nothing is expected: why
 * @param notSent     events a naive implementation would have sent here; the receiver must not get them
 *                    (more often than other steps expect them)
 */
public record Step(String description, Action action, boolean failure, List<Expected> expected, String why,
                   List<Expected> notSent) {

    /** The operation, run against the sample app's services; its result is printed. */
    @FunctionalInterface
    public interface Action {
        Object run(SampleServices services) throws Exception;
    }

    public Step {
        expected = List.copyOf(expected);
        notSent = List.copyOf(notSent);
    }

    /** An operation that must emit {@code expected}. */
    public static Step emits(String description, Action action, Expected... expected) {
        return new Step(description, action, false, List.of(expected), null, List.of());
    }

    /** An operation that must emit nothing, because {@code why}; {@code notSent} is what it must not send. */
    public static Step emitsNothing(String description, String why, Action action, Expected... notSent) {
        return new Step(description, action, false, List.of(), why, List.of(notSent));
    }

    /** An operation that must throw, roll back and emit nothing. */
    public static Step fails(String description, String why, Action action, Expected... notSent) {
        return new Step(description, action, true, List.of(), why, List.of(notSent));
    }

    /**
     * An operation that must throw, and whose failure is itself an event: it must emit {@code expected} (an
     * annotation with {@code on = Outcome.THROWN}) and not {@code notSent} (those of a normal return), because
     * {@code why}.
     */
    public static Step failsEmitting(String description, String why, Action action, List<Expected> expected,
                                     Expected... notSent) {
        return new Step(description, action, true, expected, why, List.of(notSent));
    }

    /**
     * The same step as one destination sees it: only the expected and not-sent events whose type it receives.
     * The reason {@code why} is kept where nothing is left to expect, so that the destination's report says it.
     */
    public Step only(Predicate<String> receivesType) {
        List<Expected> kept = expected.stream().filter(event -> receivesType.test(event.type())).toList();
        List<Expected> keptNotSent = notSent.stream().filter(event -> receivesType.test(event.type())).toList();
        return new Step(description, action, failure, kept, why, keptNotSent);
    }

    /** What the step expects, in one phrase: {@code expect user.blocked} or {@code expect nothing: ...}. */
    public String expectation() {
        if (expected.isEmpty()) {
            return "expect nothing: " + why;
        }
        StringBuilder text = new StringBuilder("expect");
        for (Expected event : expected) {
            text.append(' ').append(event.type());
            if (event.redelivery()) {
                text.append(" (again, same id: a duplicate the receiver drops)");
            }
        }
        return text.toString();
    }
}
