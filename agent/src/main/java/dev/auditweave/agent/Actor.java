package dev.auditweave.agent;

import java.util.Objects;

/**
 * Who acted, as an expression reads it through {@code ACTOR}: {@code ACTOR.id} and {@code ACTOR.label}.
 *
 * <pre>{@code
 * @EmitsAbuseEvent(type = "user.blocked", when = "RETURNED_ROWS > 0", data = {
 *     @Field(name = "kilo_user_id", value = "userId"),
 *     @Field(name = "actor_email", value = "ACTOR.id")})
 * public int blockUser(String userId, String reason) { ... }
 *
 * Actor.user("admin@example.com", "Ada Admin");   // a signed-in person
 * Actor.system("Admin API");                       // an admin API key or a webhook: no user row, id null
 * }</pre>
 *
 * <p>An anonymous caller has no actor at all: {@code ACTOR} is {@code null} and {@code ACTOR.id} yields
 * {@code null}, never somebody else's id. Actors come from {@link ActorResolver}s.
 *
 * @param id    the acting user's id (an e-mail address, a user id), {@code null} for a system actor
 * @param label a readable name of who acted, never blank: the user's display name or the id itself, or the
 *              system's name such as {@code "Admin API"} or {@code "System"}
 */
public record Actor(String id, String label) {

    public Actor {
        Objects.requireNonNull(label, "label");
        if (label.isBlank()) {
            throw new IllegalArgumentException("an actor's label must not be blank (id " + id + ")");
        }
        if (id != null && id.isBlank()) {
            throw new IllegalArgumentException("an actor's id must be null (a system actor) or not blank, was '"
                    + id + "' for " + label);
        }
    }

    /** A user who acted: {@code id} and a readable label (the id itself when there is nothing better). */
    public static Actor user(String id, String label) {
        Objects.requireNonNull(id, "id");
        return new Actor(id, label);
    }

    /** A user known only by id; the label is the id. */
    public static Actor user(String id) {
        return user(id, id);
    }

    /** A system actor, such as {@code "Admin API"} or {@code "System"}: no user row, so the id is {@code null}. */
    public static Actor system(String label) {
        return new Actor(null, label);
    }

    /** Whether this is a system actor (no user id). */
    public boolean isSystem() {
        return id == null;
    }
}
