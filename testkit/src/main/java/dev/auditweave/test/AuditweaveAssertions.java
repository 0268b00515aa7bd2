package dev.auditweave.test;

/**
 * The entry point of the kit's AssertJ assertions, next to AssertJ's own {@code Assertions.assertThat}.
 *
 * <pre>{@code
 * import static dev.auditweave.test.AuditweaveAssertions.assertThat;
 *
 * users.blockUser("u-1", "spam");
 * assertThat(events).containsEvent("user.blocked").withData("kilo_user_id", "u-1");
 * assertThat(events).doesNotContainEvent("user.unblocked");
 * assertThat(events).containsExactlyTypes("user.blocked");
 * }</pre>
 */
public final class AuditweaveAssertions {

    private AuditweaveAssertions() {
    }

    /** Assertions on the events of one test; those about events that may come later wait for them (5 s by default). */
    public static EmittedEventsAssert assertThat(EmittedEvents events) {
        return new EmittedEventsAssert(events, Waiting.DEFAULT_TIMEOUT);
    }
}
