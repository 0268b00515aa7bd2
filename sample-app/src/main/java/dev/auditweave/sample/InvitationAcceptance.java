package dev.auditweave.sample;

/**
 * What {@link OrganizationService#acceptInvitation} did. {@code inserted} is false when the user was already
 * a member (the invitation was accepted before): the {@code INSERTED} guard reads it.
 */
public record InvitationAcceptance(String invitationId, String organizationId, String userId, String role,
                                   String plan, boolean inserted) {
}
