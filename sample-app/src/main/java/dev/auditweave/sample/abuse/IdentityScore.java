package dev.auditweave.sample.abuse;

/**
 * An identity's risk score now.
 *
 * @param subject  the identity
 * @param score    the sum of its entries' points (an analyst's score in place of an entry's points; none for an
 *                 entry marked a false positive), within 0 and 100
 * @param entries  how many log entries it has
 * @param lastSeen epoch ms of its latest entry's receipt
 */
public record IdentityScore(String subject, int score, int entries, long lastSeen) {
}
