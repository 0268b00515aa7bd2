package dev.auditweave.sample;

/** A membership that was added or removed, with the organization's plan. */
public record MembershipChange(String organizationId, String userId, String role, String plan) {
}
