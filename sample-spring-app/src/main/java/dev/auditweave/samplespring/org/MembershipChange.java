package dev.auditweave.samplespring.org;

/** What adding a member did: {@code inserted} is false when the user already was a member. */
public record MembershipChange(String organizationId, String userId, boolean inserted) {
}
