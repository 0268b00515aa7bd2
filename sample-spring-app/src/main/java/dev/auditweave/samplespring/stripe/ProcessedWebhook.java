package dev.auditweave.samplespring.stripe;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A webhook event id seen, and how many times it was delivered. */
@Entity
public class ProcessedWebhook {

    @Id
    private String id;
    private String type;
    private int deliveries;

    protected ProcessedWebhook() {
    }

    public ProcessedWebhook(String id, String type) {
        this.id = id;
        this.type = type;
    }

    public String getId() {
        return id;
    }

    public String getType() {
        return type;
    }

    public int getDeliveries() {
        return deliveries;
    }

    void delivered() {
        deliveries++;
    }
}
