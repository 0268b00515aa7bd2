package dev.auditweave.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares that a method, once it has returned normally, emits a business event.
 *
 * <pre>{@code
 * @EmitsAbuseEvent(type = "user.blocked", when = "RETURNED_ROWS > 0",
 *     data = {@Field(name = "kilo_user_id", value = "userId"),
 *             @Field(name = "reason", value = "reason")})
 * public int blockUser(String userId, String reason) { ... return rowsUpdated; }
 * }</pre>
 *
 * <p>The event is captured on the calling thread after the method returns (never when it throws, unless
 * {@link #on()} asks for {@link Outcome#THROWN}) and delivered asynchronously: nothing of auditweave can throw
 * into, or block, the method. Inside a transaction it waits for the commit ({@link #phase()}). A method returning a
 * {@code CompletionStage} emits when the stage completes, {@code result} being the completed value.
 *
 * <p>Every attribute except {@link #type()} is an expression of auditweave's small, statically
 * checked language. Its roots are the method's parameter names (compile with {@code -parameters};
 * {@code args[0]}, {@code args[1]}, ... always work), {@code result} (the return value; {@code RESULT} too,
 * which no parameter name can shadow), and the built-ins {@code RETURNED_ROWS}, {@code INSERTED}, {@code NOW},
 * {@code ACTOR} (who acted: {@code ACTOR.id}, {@code ACTOR.label}; {@code null} for an anonymous caller) and, with
 * {@code on = Outcome.THROWN}, {@code THROWN}. Paths such as {@code event.data.object.customer}
 * read record components, getters ({@code getX}/{@code isX}/{@code x()}), public fields and map keys;
 * a path through {@code null} yields {@code null}. An expression that does not parse or names something
 * that does not exist is reported once, naming the class, the method and the position, and only that
 * annotation is disabled.
 *
 * <p>The annotation is repeatable: each one is evaluated independently, so one method can emit
 * {@code subscription.upgraded} or {@code subscription.downgraded} depending on its guard. Under the
 * {@code -javaagent}, an annotation on an interface, abstract or superclass method also applies to the methods
 * that implement or override it, unless they carry one of their own.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Repeatable(EmitsAbuseEvents.class)
public @interface EmitsAbuseEvent {

    /** The event type, for example {@code "user.blocked"}. */
    String type();

    /**
     * The guard: the event is emitted only when this boolean expression is {@code true}.
     * {@code ""} (the default) means always. A guard that yields {@code null} counts as false.
     * Examples: {@code "RETURNED_ROWS > 0"}, {@code "INSERTED"}, {@code "newRank > oldRank"}.
     */
    String when() default "";

    /** The fields of the event's {@code data} object; only these leave the process. */
    Field[] data() default {};

    /**
     * When the event happened, as an expression giving epoch milliseconds, for example
     * {@code "event.created * 1000"} for a Stripe webhook. {@code ""} (the default) means the moment
     * the method returned.
     */
    String occurredAt() default "";

    /**
     * An expression whose value identifies the business fact, for example {@code "event.id"} for a
     * webhook. The event id is then derived from the type and this key, so a redelivered webhook
     * yields the same id and the receiver can drop the duplicate. {@code ""} (the default) means a
     * fresh unique id for every event.
     */
    String idempotencyKey() default "";

    /**
     * When the event leaves relative to a surrounding transaction: by default ({@link Phase#AFTER_COMMIT}) only
     * once it commits, and never when it rolls back; {@link Phase#IMMEDIATE} as soon as the method returns.
     */
    Phase phase() default Phase.AFTER_COMMIT;

    /**
     * Which way out of the method fires the event: a normal return (the default) or, with {@link Outcome#THROWN},
     * an exception, which guards and fields read as {@code THROWN}.
     */
    Outcome on() default Outcome.RETURNED;

    /**
     * The names of the enrichers ({@code dev.auditweave.agent.EventEnricher}) that add fields to the event off the
     * calling thread, for fields that need a look-up (a database query, a remote call), for example
     * {@code enrich = "orgMemberships"}. An enricher runs after the commit when the event waits for one, within
     * {@code auditweave.enrich.timeout-ms}; when it fails or runs out of time, the event is sent without its fields.
     */
    String[] enrich() default {};
}
