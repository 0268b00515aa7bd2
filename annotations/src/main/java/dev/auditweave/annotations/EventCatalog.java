package dev.auditweave.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class of {@code String} constants as the catalogue of the event types an application emits. Every
 * {@code static final String} constant of the class is one type; {@link EventSchema} on a constant names a JSON
 * Schema for that type's {@code data}.
 *
 * <pre>{@code
 * @EventCatalog
 * public final class EventTypes {
 *     @EventSchema("schemas/user.blocked.json")
 *     public static final String USER_BLOCKED = "user.blocked";
 *     public static final String USER_DELETED = "user.deleted";
 * }
 *
 * @EmitsAbuseEvent(type = EventTypes.USER_BLOCKED, data = @Field(name = "kilo_user_id", value = "userId"))
 * public int blockUser(String userId) { ... }
 * }</pre>
 *
 * <p>With {@code auditweave-processor} on the annotation processor path, the build reports every emit site whose type
 * is not in the catalogue and every catalogue type that no emit site of the same compilation emits, as errors,
 * warnings (the default) or not at all: {@code -Aauditweave.catalog=error|warn|off}. It also checks each site's
 * {@code data} fields against the type's schema. Without the processor the annotation does nothing. The catalogue
 * must be compiled together with the emit sites (the same module).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface EventCatalog {
}
