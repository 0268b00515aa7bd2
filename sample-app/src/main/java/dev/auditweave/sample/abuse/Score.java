package dev.auditweave.sample.abuse;

/** The score scale: an identity's risk score is the sum of its entries' points, kept within 0 and {@link #MAX}. */
final class Score {

    static final int MAX = 100;

    private Score() {
    }

    /** {@code points} kept within 0 and {@link #MAX}. */
    static int clamp(long points) {
        return (int) Math.max(0, Math.min(MAX, points));
    }
}
