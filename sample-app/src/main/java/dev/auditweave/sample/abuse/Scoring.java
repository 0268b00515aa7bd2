package dev.auditweave.sample.abuse;

/**
 * The scoring rules of field notes §4: an event from an allowlisted address short-circuits (no points, band
 * {@link Band#ALLOWLISTED}); otherwise its type's points are added to the identity's score, and the event is banded
 * against the thresholds in force for its type at that moment. An identity's band uses the default thresholds.
 */
public final class Scoring {

    private final EventWeights weights;
    private final ThresholdTable thresholds;
    private final Allowlist allowlist;

    public Scoring(EventWeights weights, ThresholdTable thresholds, Allowlist allowlist) {
        this.weights = weights;
        this.thresholds = thresholds;
        this.allowlist = allowlist;
    }

    /** Scores an event of {@code type} from {@code ip} for an identity whose score is {@code scoreBefore}. */
    public Assessment assess(String type, String ip, int scoreBefore) {
        if (allowlist.allows(ip)) {
            return new Assessment(0, scoreBefore, Band.ALLOWLISTED);
        }
        int points = weights.points(type).orElse(0);
        int after = Score.clamp((long) scoreBefore + points);
        return new Assessment(points, after, thresholds.forType(type).band(after));
    }

    /** The band of an identity's score, against the default thresholds in force now. */
    public Band identityBand(int score) {
        return thresholds.defaults().band(score);
    }

    public ThresholdTable thresholds() {
        return thresholds;
    }

    public Allowlist allowlist() {
        return allowlist;
    }

    public EventWeights weights() {
        return weights;
    }
}
