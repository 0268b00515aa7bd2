package dev.auditweave.samplespring.user;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A user account; blocking is an UPDATE of {@code blocked} (see {@link UserRepository}). The display name is unique;
 * renaming changes the managed entity, so Hibernate writes it (and the database checks it) only when the transaction
 * flushes, at its commit.
 */
@Entity
@Table(name = "app_user")
public class AppUser {

    @Id
    private String id;
    private String email;
    private boolean blocked;
    private String blockReason;
    private String blockedBy;
    @Column(unique = true)
    private String displayName;

    protected AppUser() {
    }

    public AppUser(String id, String email) {
        this.id = id;
        this.email = email;
    }

    public String getId() {
        return id;
    }

    public String getEmail() {
        return email;
    }

    public boolean isBlocked() {
        return blocked;
    }

    public String getBlockReason() {
        return blockReason;
    }

    public String getBlockedBy() {
        return blockedBy;
    }

    public String getDisplayName() {
        return displayName;
    }

    /** Sets the display name; returns whether it changed. */
    boolean rename(String newDisplayName) {
        if (newDisplayName.equals(displayName)) {
            return false;
        }
        displayName = newDisplayName;
        return true;
    }
}
