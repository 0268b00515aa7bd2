package dev.auditweave.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a constant of an {@link EventCatalog}: the JSON Schema of the {@code data} of that event type, a resource path
 * (in {@code src/main/resources}, or anywhere on the class path of the build). {@code auditweave-processor} checks
 * every emit site of the type against it: each name in {@code required} must be a declared {@code @Field} (unless the
 * site names an enricher, which may add it), and with {@code "additionalProperties": false} each declared field must
 * be one of {@code properties}.
 *
 * <pre>{@code
 * @EventSchema("schemas/user.blocked.json")
 * public static final String USER_BLOCKED = "user.blocked";
 * }</pre>
 *
 * <p>with {@code schemas/user.blocked.json}:
 *
 * <pre>{@code
 * {"type": "object", "required": ["kilo_user_id"], "additionalProperties": false,
 *  "properties": {"kilo_user_id": {"type": "string"}, "reason": {"type": "string"}}}
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface EventSchema {

    /** The schema's resource path, for example {@code "schemas/user.blocked.json"}. */
    String value();
}
