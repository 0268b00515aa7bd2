package dev.auditweave.samplespring.user;

/** A user as {@code GET /api/users/{id}} shows it. */
public record UserView(String id, String displayName, boolean blocked) {
}
