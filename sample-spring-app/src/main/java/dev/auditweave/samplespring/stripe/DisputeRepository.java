package dev.auditweave.samplespring.stripe;

import org.springframework.data.jpa.repository.JpaRepository;

/** Disputes by Stripe dispute id. */
public interface DisputeRepository extends JpaRepository<Dispute, String> {
}
