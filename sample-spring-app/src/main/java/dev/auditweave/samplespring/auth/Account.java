package dev.auditweave.samplespring.auth;

/** A new account, as a sign-up answers it. */
public record Account(String id, String email) {
}
