package dev.auditweave.samplespring.org;

import dev.auditweave.annotations.EmitsAbuseEvent;
import dev.auditweave.annotations.Field;
import dev.auditweave.samplespring.EventTypes;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adds and removes organization members. Adding an existing member (an invitation accepted twice) changes
 * nothing and emits nothing; so does removing someone who is not a member.
 */
@Service
@Transactional
public class MembershipService {

    private final MembershipRepository memberships;

    public MembershipService(MembershipRepository memberships) {
        this.memberships = memberships;
    }

    @EmitsAbuseEvent(type = EventTypes.ORG_MEMBER_ADDED, when = "INSERTED", data = {
            @Field(name = "kilo_user_id", value = "userId"),
            @Field(name = "organization_id", value = "organizationId"),
            @Field(name = "role", value = "role")})
    public MembershipChange addMember(String organizationId, String userId, String role) {
        if (memberships.existsByOrganizationIdAndUserId(organizationId, userId)) {
            return new MembershipChange(organizationId, userId, false);
        }
        memberships.save(new Membership(organizationId, userId, role));
        return new MembershipChange(organizationId, userId, true);
    }

    /** Returns the rows deleted: 0 when the user was not a member. */
    @EmitsAbuseEvent(type = EventTypes.ORG_MEMBER_REMOVED, when = "RETURNED_ROWS > 0", data = {
            @Field(name = "kilo_user_id", value = "userId"),
            @Field(name = "organization_id", value = "organizationId")})
    public int removeMember(String organizationId, String userId) {
        return memberships.deleteMembership(organizationId, userId);
    }
}
