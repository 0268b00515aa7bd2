package dev.auditweave.sample.auth;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A user's account as a sign-up created it or a sign-in found it: what the auth event says about the user.
 *
 * @param userId    the user's id
 * @param email     their current email address
 * @param createdAt when they signed up
 * @param admin     whether they are an administrator
 * @param blocked   whether they are blocked (never true after a successful sign-in)
 * @param cohorts   the cohorts they are in, in the order they joined them
 */
public record Account(String userId, String email, Instant createdAt, boolean admin, boolean blocked,
                      List<String> cohorts) {

    public Account {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(createdAt, "createdAt");
        cohorts = List.copyOf(cohorts);
    }
}
