package dev.auditweave.sample.abuse;

/**
 * The three score thresholds of the low, medium and high bands, each between 1 and 100 and strictly increasing.
 *
 * <pre>{@code
 * Thresholds.DEFAULT.band(72);   // Band.MEDIUM: 60 <= 72 < 85
 * new Thresholds(50, 40, 90);    // IllegalArgumentException: medium (40) must be above low (50)
 * }</pre>
 *
 * @param low    the lowest score in the low band
 * @param medium the lowest score in the medium band
 * @param high   the lowest score in the high band
 */
public record Thresholds(int low, int medium, int high) {

    /** The defaults of field notes §4: 30, 60, 85. */
    public static final Thresholds DEFAULT = new Thresholds(30, 60, 85);

    public Thresholds {
        if (low < 1 || high > Score.MAX) {
            throw new IllegalArgumentException("thresholds must lie between 1 and " + Score.MAX + ": got low " + low
                    + ", high " + high);
        }
        if (medium <= low) {
            throw new IllegalArgumentException("medium (" + medium + ") must be above low (" + low + ")");
        }
        if (high <= medium) {
            throw new IllegalArgumentException("high (" + high + ") must be above medium (" + medium + ")");
        }
    }

    /** The band of {@code score}. */
    public Band band(int score) {
        if (score >= high) {
            return Band.HIGH;
        }
        if (score >= medium) {
            return Band.MEDIUM;
        }
        return score >= low ? Band.LOW : Band.NONE;
    }
}
