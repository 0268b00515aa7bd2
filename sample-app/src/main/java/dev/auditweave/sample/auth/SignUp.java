package dev.auditweave.sample.auth;

import java.util.Objects;

/**
 * A sign-up request.
 *
 * @param userId     the new user's id
 * @param email      their email address
 * @param authMethod how they authenticated: {@code email}, {@code google}, {@code github}, ...; it becomes their
 *                   first auth provider
 * @param ipAddress  the client's address, or {@code null}
 * @param userAgent  the client's user agent, or {@code null}
 */
public record SignUp(String userId, String email, String authMethod, String ipAddress, String userAgent) {

    public SignUp {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(authMethod, "authMethod");
    }
}
