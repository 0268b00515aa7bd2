package dev.auditweave.sample;

import java.util.Objects;

/** One entry of a batch of email changes ({@link UserService#changeEmails}): the user and the address to give them. */
public record NewEmail(String userId, String email) {

    public NewEmail {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(email, "email");
    }
}
