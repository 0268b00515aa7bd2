package dev.auditweave.sample;

/** The request to create an organization; its owner becomes its first member. */
public record NewOrganization(String id, String name, String ownerUserId, String plan, boolean hasSso,
                              boolean inFreeTrial) {
}
