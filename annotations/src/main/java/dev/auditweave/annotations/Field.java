package dev.auditweave.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * One field of an event's {@code data} object: a name and an expression for its value.
 *
 * <pre>{@code
 * @Field(name = "kilo_user_id", value = "userId")
 * @Field(name = "customer", value = "event.data.object.customer")
 * @Field(name = "microdollars_acquired", value = "result.microdollars")
 * }</pre>
 *
 * <p>The value is resolved on the calling thread into an immutable snapshot, so a later change to
 * the object cannot alter the event. {@link #redact()} hides a personal value there, before the event exists:
 *
 * <pre>{@code
 * @Field(name = "email", value = "user.email", redact = Redact.HASH)
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({})
public @interface Field {

    /** The key in the event's {@code data} object, for example {@code "kilo_user_id"}. */
    String name();

    /** The expression giving the value, for example {@code "userId"} or {@code "result.email"}. */
    String value();

    /** How the value is hidden before it leaves the calling thread; {@link Redact#NONE} (sent as is) by default. */
    Redact redact() default Redact.NONE;
}
