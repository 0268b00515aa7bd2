package dev.auditweave.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The container of repeated {@link EmitsAbuseEvent} annotations. Written by the compiler when a
 * method carries more than one; there is no need to write it by hand:
 *
 * <pre>{@code
 * @EmitsAbuseEvent(type = "subscription.upgraded", when = "newRank > oldRank", data = ...)
 * @EmitsAbuseEvent(type = "subscription.downgraded", when = "newRank < oldRank", data = ...)
 * public void changeTier(String userId, int oldRank, int newRank) { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface EmitsAbuseEvents {

    /** The repeated annotations, each evaluated independently. */
    EmitsAbuseEvent[] value();
}
