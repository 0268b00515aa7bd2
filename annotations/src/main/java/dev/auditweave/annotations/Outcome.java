package dev.auditweave.annotations;

/**
 * Which way out of the annotated method fires the event.
 *
 * <pre>{@code
 * @EmitsAbuseEvent(type = "auth.signin_blocked", on = Outcome.THROWN, when = "THROWN.type == 'AccountBlockedException'",
 *     data = {@Field(name = "email", value = "email"), @Field(name = "reason", value = "THROWN.message")})
 * public Session signIn(String email, String password) { ... }
 * }</pre>
 */
public enum Outcome {

    /**
     * The default: the method returned normally (or the {@code CompletionStage} it returned completed normally).
     * {@code result}, {@code RETURNED_ROWS} and {@code INSERTED} read the returned value.
     */
    RETURNED,

    /**
     * The method threw (or the {@code CompletionStage} it returned completed exceptionally). {@code THROWN} is the
     * exception, with {@code THROWN.type} (its simple class name), {@code THROWN.className} and
     * {@code THROWN.message}; {@code result} does not exist. The exception passes to the caller untouched.
     */
    THROWN
}
