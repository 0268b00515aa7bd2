package dev.auditweave.samplespring.org;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/** A user's membership of an organization, with a role; at most one per (organization, user). */
@Entity
@Table(uniqueConstraints = @UniqueConstraint(columnNames = {"organizationId", "userId"}))
public class Membership {

    @Id
    @GeneratedValue
    private Long id;
    private String organizationId;
    private String userId;
    private String role;

    protected Membership() {
    }

    public Membership(String organizationId, String userId, String role) {
        this.organizationId = organizationId;
        this.userId = userId;
        this.role = role;
    }

    public Long getId() {
        return id;
    }

    public String getOrganizationId() {
        return organizationId;
    }

    public String getUserId() {
        return userId;
    }

    public String getRole() {
        return role;
    }
}
