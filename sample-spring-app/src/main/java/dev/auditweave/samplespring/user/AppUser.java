package dev.auditweave.samplespring.user;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A user account; blocking is an UPDATE of {@code blocked} (see {@link UserRepository}). */
@Entity
@Table(name = "app_user")
public class AppUser {

    @Id
    private String id;
    private String email;
    private boolean blocked;
    private String blockReason;
    private String blockedBy;

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
}
