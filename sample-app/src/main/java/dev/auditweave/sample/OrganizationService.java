package dev.auditweave.sample;

import dev.auditweave.annotations.EmitsAbuseEvent;
import dev.auditweave.annotations.Field;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.NoSuchElementException;

/** Organizations: create and delete, members added and removed, invitations accepted. */
public class OrganizationService {

    private final Database database;

    public OrganizationService(Database database) {
        this.database = database;
    }

    /** Creates the organization and makes its owner a member with role {@code owner}, in one transaction. */
    @EmitsAbuseEvent(type = EventTypes.ORG_CREATED, data = {
            @Field(name = "kilo_user_id", value = "org.ownerUserId"),
            @Field(name = "organization_id", value = "org.id"),
            @Field(name = "role", value = "'owner'"),
            @Field(name = "plan", value = "org.plan"),
            @Field(name = "has_sso", value = "org.hasSso"),
            @Field(name = "in_free_trial", value = "org.inFreeTrial")})
    public void createOrganization(NewOrganization org) throws SQLException {
        database.inTransaction(connection -> {
            Jdbc.update(connection, "INSERT INTO organizations(id, name, owner_id, plan, has_sso, in_free_trial) "
                            + "VALUES (?, ?, ?, ?, ?, ?)",
                    org.id(), org.name(), org.ownerUserId(), org.plan(), org.hasSso(), org.inFreeTrial());
            Jdbc.update(connection, "INSERT INTO memberships(organization_id, user_id, role) VALUES (?, ?, 'owner')",
                    org.id(), org.ownerUserId());
            return null;
        });
    }

    /** Deletes the organization with its memberships and invitations; returns the organizations deleted (0 or 1). */
    @EmitsAbuseEvent(type = EventTypes.ORG_DELETED, when = "RETURNED_ROWS > 0", data = {
            @Field(name = "kilo_user_id", value = "actorUserId"),
            @Field(name = "organization_id", value = "organizationId")})
    public int deleteOrganization(String organizationId, String actorUserId) throws SQLException {
        return database.inTransaction(connection -> {
            Jdbc.update(connection, "DELETE FROM invitations WHERE organization_id = ?", organizationId);
            Jdbc.update(connection, "DELETE FROM memberships WHERE organization_id = ?", organizationId);
            return Jdbc.update(connection, "DELETE FROM organizations WHERE id = ?", organizationId);
        });
    }

    /** An administrator adds a member directly. Throws when the user is already a member. */
    @EmitsAbuseEvent(type = EventTypes.ORG_MEMBER_ADDED, data = {
            @Field(name = "kilo_user_id", value = "userId"),
            @Field(name = "organization_id", value = "organizationId"),
            @Field(name = "role", value = "role"),
            @Field(name = "plan", value = "result.plan")})
    public MembershipChange addMember(String organizationId, String userId, String role) throws SQLException {
        return database.inTransaction(connection -> {
            String plan = planOf(connection, organizationId);
            Jdbc.update(connection, "INSERT INTO memberships(organization_id, user_id, role) VALUES (?, ?, ?)",
                    organizationId, userId, role);
            return new MembershipChange(organizationId, userId, role, plan);
        });
    }

    /** Removes a member; returns the removed membership, or {@code null} when there was none (no event). */
    @EmitsAbuseEvent(type = EventTypes.ORG_MEMBER_REMOVED, when = "RETURNED_ROWS > 0", data = {
            @Field(name = "kilo_user_id", value = "userId"),
            @Field(name = "organization_id", value = "organizationId"),
            @Field(name = "role", value = "result.role"),
            @Field(name = "plan", value = "result.plan")})
    public MembershipChange removeMember(String organizationId, String userId) throws SQLException {
        return database.inTransaction(connection -> {
            String role = Jdbc.queryString(connection,
                    "SELECT role FROM memberships WHERE organization_id = ? AND user_id = ? FOR UPDATE",
                    organizationId, userId).orElse(null);
            if (role == null) {
                return null;
            }
            Jdbc.update(connection, "DELETE FROM memberships WHERE organization_id = ? AND user_id = ?",
                    organizationId, userId);
            return new MembershipChange(organizationId, userId, role, planOf(connection, organizationId));
        });
    }

    /** Invites an email address to the organization. Emits nothing: the member is added on acceptance. */
    public void createInvitation(String invitationId, String organizationId, String email, String role)
            throws SQLException {
        database.update("INSERT INTO invitations(id, organization_id, email, role) VALUES (?, ?, ?, ?)",
                invitationId, organizationId, email, role);
    }

    /**
     * Accepts an invitation: inserts the membership if it is absent. Accepting the same invitation twice
     * (a double click, a retried request) inserts nothing the second time, and emits nothing.
     */
    @EmitsAbuseEvent(type = EventTypes.ORG_MEMBER_ADDED, when = "INSERTED", data = {
            @Field(name = "kilo_user_id", value = "userId"),
            @Field(name = "organization_id", value = "result.organizationId"),
            @Field(name = "role", value = "result.role"),
            @Field(name = "plan", value = "result.plan")})
    public InvitationAcceptance acceptInvitation(String invitationId, String userId) throws SQLException {
        return database.inTransaction(connection -> {
            String organizationId = Jdbc.queryString(connection,
                            "SELECT organization_id FROM invitations WHERE id = ?", invitationId)
                    .orElseThrow(() -> new NoSuchElementException("no invitation " + invitationId));
            String role = Jdbc.queryString(connection, "SELECT role FROM invitations WHERE id = ?", invitationId)
                    .orElseThrow();
            int inserted = Jdbc.update(connection,
                    "INSERT INTO memberships(organization_id, user_id, role) SELECT ?, ?, ? "
                            + "WHERE NOT EXISTS (SELECT 1 FROM memberships WHERE organization_id = ? AND user_id = ?)",
                    organizationId, userId, role, organizationId, userId);
            return new InvitationAcceptance(invitationId, organizationId, userId, role,
                    planOf(connection, organizationId), inserted == 1);
        });
    }

    /** The number of members of the organization. */
    public long memberCount(String organizationId) throws SQLException {
        try (Connection connection = database.connection()) {
            return Jdbc.queryLong(connection, "SELECT COUNT(*) FROM memberships WHERE organization_id = ?",
                    organizationId);
        }
    }

    private static String planOf(Connection connection, String organizationId) throws SQLException {
        return Jdbc.queryString(connection, "SELECT plan FROM organizations WHERE id = ?", organizationId)
                .orElseThrow(() -> new NoSuchElementException("no organization " + organizationId));
    }
}
