package dev.auditweave.test;

import dev.auditweave.agent.EmittedEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import org.assertj.core.api.AbstractObjectAssert;

/**
 * An event of one type that the test emitted, from {@link EmittedEventsAssert#containsEvent(String)}, narrowed down
 * step by step: each {@code with...} passes once one recorded event of that type meets it and every step before it,
 * waiting for one at most the same timeout. The actual value is the first such event, so AssertJ's own assertions
 * ({@code extracting}, {@code satisfies}) apply to it.
 *
 * <pre>{@code
 * assertThat(events).containsEvent("org.member_added")
 *         .withData("kilo_user_id", "u-2")
 *         .withData("role", Role.MEMBER)            // an enum matches its name, as events carry it
 *         .satisfies(added -> assertThat(added.occurredAt()).isPositive());
 * }</pre>
 *
 * <p>Data values compare as events carry them: numbers by value ({@code 100} matches {@code 100L}), an expected enum
 * by its name, anything else with {@code equals} ({@code null} matches a field present with a null value).
 */
public final class EmittedEventAssert extends AbstractObjectAssert<EmittedEventAssert, EmittedEvent> {

    private final EmittedEvents events;
    private final String type;
    private final List<String> conditions;
    private final Predicate<EmittedEvent> matches;
    private final Duration timeout;

    private EmittedEventAssert(EmittedEvents events, String type, List<String> conditions,
                               Predicate<EmittedEvent> matches, Duration timeout, EmittedEvent found) {
        super(found, EmittedEventAssert.class);
        this.events = events;
        this.type = type;
        this.conditions = conditions;
        this.matches = matches;
        this.timeout = timeout;
    }

    /** Waits for an event of {@code type}; fails, listing what was emitted, when none comes in time. */
    static EmittedEventAssert awaiting(EmittedEvents events, String type, Duration timeout) {
        return new EmittedEventAssert(events, type, List.of(), event -> event.type().equals(type), timeout, null)
                .awaitMatch();
    }

    /**
     * Passes once an event of the type has {@code value} under {@code key} (and meets every step before).
     *
     * <pre>{@code
     * assertThat(events).containsEvent("billing.credit_purchased").withData("microdollars_acquired", 5_000);
     * }</pre>
     */
    public EmittedEventAssert withData(String key, Object value) {
        Objects.requireNonNull(key, "key");
        return narrowed(key + "=" + EventText.value(value),
                event -> event.data().containsKey(key) && DataValues.matches(value, event.data().get(key)));
    }

    /**
     * Passes once an event of the type has this id (and meets every step before): for an {@code idempotencyKey},
     * whose id is the same every time.
     */
    public EmittedEventAssert withId(String id) {
        Objects.requireNonNull(id, "id");
        return narrowed("id " + EventText.value(id), event -> event.id().equals(id));
    }

    /** Passes once an event of the type occurred at {@code epochMillis} (and meets every step before). */
    public EmittedEventAssert withOccurredAt(long epochMillis) {
        return narrowed("occurred_at " + epochMillis, event -> event.occurredAt() == epochMillis);
    }

    private EmittedEventAssert narrowed(String condition, Predicate<EmittedEvent> test) {
        List<String> all = new ArrayList<>(conditions);
        all.add(condition);
        return new EmittedEventAssert(events, type, List.copyOf(all), matches.and(test), timeout, null).awaitMatch();
    }

    private EmittedEventAssert awaitMatch() {
        EmittedEventsAssert.failIfMixed(events);
        List<EmittedEvent> seen = events.awaitUntil(all -> all.stream().anyMatch(matches), timeout);
        EmittedEvent found = seen.stream().filter(matches).findFirst().orElse(null);
        if (found == null) {
            failWithMessage("%s", message(seen));
        }
        return new EmittedEventAssert(events, type, conditions, matches, timeout, found);
    }

    private String message(List<EmittedEvent> seen) {
        String wanted = "Expected an event of type " + EventText.value(type)
                + (conditions.isEmpty() ? "" : " with " + String.join(" and ", conditions))
                + " within " + Waiting.text(timeout);
        long ofType = seen.stream().filter(event -> event.type().equals(type)).count();
        String found;
        if (seen.isEmpty()) {
            found = "no event at all was emitted during the test";
        } else if (ofType == 0) {
            found = "none of that type was emitted; the test emitted " + EventText.emitted(seen);
        } else {
            found = (ofType == 1 ? "the one event of that type does not match" : "none of the " + ofType
                    + " events of that type matches") + "; the test emitted " + EventText.emitted(seen);
        }
        return wanted + ", but " + found + events.hint(seen);
    }
}
