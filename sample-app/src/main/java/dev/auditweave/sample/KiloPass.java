package dev.auditweave.sample;

/**
 * A user's Kilo Pass after a change ({@link KiloPassService}): its tier, its status ({@code active} or
 * {@code lapsed}) and how many months in a row it has been paid.
 */
public record KiloPass(String userId, String tier, String status, int streakMonths) {
}
