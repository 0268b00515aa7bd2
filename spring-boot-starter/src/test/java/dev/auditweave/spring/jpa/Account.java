package dev.auditweave.spring.jpa;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public class Account {

    @Id
    private Long id;

    private boolean blocked;

    protected Account() {
    }

    public Account(Long id) {
        this.id = id;
    }

    public Long getId() {
        return id;
    }

    public boolean isBlocked() {
        return blocked;
    }
}
