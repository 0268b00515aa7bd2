package dev.auditweave.sample.abuse;

/**
 * What scoring made of one incoming event.
 *
 * @param points     the points it adds to its identity's score (0 when allowlisted)
 * @param scoreAfter the identity's score with those points
 * @param band       the band of {@code scoreAfter} against the thresholds of the event's type, or
 *                   {@link Band#ALLOWLISTED}
 */
public record Assessment(int points, int scoreAfter, Band band) {
}
