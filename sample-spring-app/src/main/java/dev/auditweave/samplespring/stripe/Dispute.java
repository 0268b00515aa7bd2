package dev.auditweave.samplespring.stripe;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A charge dispute, from {@code charge.dispute.created}. A dispute names a charge, not a customer. */
@Entity
public class Dispute {

    @Id
    private String id;
    private String chargeId;
    private long amount;
    private String reason;

    protected Dispute() {
    }

    public Dispute(String id, String chargeId, long amount, String reason) {
        this.id = id;
        this.chargeId = chargeId;
        this.amount = amount;
        this.reason = reason;
    }

    public String getId() {
        return id;
    }

    public String getChargeId() {
        return chargeId;
    }

    public long getAmount() {
        return amount;
    }

    public String getReason() {
        return reason;
    }
}
