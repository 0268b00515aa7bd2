package dev.auditweave.sample.context;

import java.util.Objects;

/**
 * Who sends the current request to the sample app: a signed-in user, or a client of the admin API authenticated by
 * its key (which has no user row). An anonymous request has no caller at all.
 *
 * <pre>{@code
 * Caller.user("admin@kilo.example", "Ada Admin");
 * Caller.adminApiKey();
 * }</pre>
 *
 * @param userEmail   the signed-in user's email; {@code null} for the admin API
 * @param displayName the user's name, or the name of the API, never blank
 */
public record Caller(String userEmail, String displayName) {

    /** The name of the admin API's caller, as the audit trail shows it. */
    public static final String ADMIN_API = "Admin API";

    public Caller {
        Objects.requireNonNull(displayName, "displayName");
        if (displayName.isBlank()) {
            throw new IllegalArgumentException("a caller's display name must not be blank");
        }
        if (userEmail != null && userEmail.isBlank()) {
            throw new IllegalArgumentException("a user's email must not be blank (caller " + displayName + ")");
        }
    }

    /** A signed-in user. */
    public static Caller user(String email, String displayName) {
        return new Caller(Objects.requireNonNull(email, "email"), displayName);
    }

    /** A request authenticated with the admin API key. */
    public static Caller adminApiKey() {
        return new Caller(null, ADMIN_API);
    }

    /** Whether this is the admin API rather than a user. */
    public boolean isAdminApi() {
        return userEmail == null;
    }
}
