package dev.auditweave.sample;

/** What {@link UserService#changeEmail} did: the address before and after. */
public record EmailChange(String userId, String previousEmail, String email) {
}
