package dev.auditweave.sample.auth;

import java.util.Objects;

/**
 * A sign-in request.
 *
 * @param email      the address the user signs in with
 * @param authMethod how they authenticated: {@code email}, {@code google}, {@code github}, ...
 * @param ipAddress  the client's address, or {@code null}
 * @param userAgent  the client's user agent, or {@code null}
 */
public record SignIn(String email, String authMethod, String ipAddress, String userAgent) {

    public SignIn {
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(authMethod, "authMethod");
    }
}
