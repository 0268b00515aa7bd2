package dev.auditweave.agent.internal.expr;

import java.util.Collection;
import java.util.Locale;

/**
 * "did you mean ...?" for misspelt names: the closest candidate within two edits (one for names of up to three
 * characters, where two edits turn almost anything into anything), case ignored.
 */
final class Suggestions {

    private Suggestions() {
    }

    /** {@code "; did you mean 'userId'?"}, or {@code ""} when no candidate is close enough. */
    static String didYouMean(String name, Collection<String> candidates) {
        String best = null;
        int bestDistance = (name.length() <= 3 ? 1 : 2) + 1;
        for (String candidate : candidates) {
            int distance = distance(name.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best == null ? "" : "; did you mean '" + best + "'?";
    }

    /**
     * The edit distance counting insertions, deletions, substitutions and swaps of adjacent characters, so that
     * the common typo {@code tpye} is one edit from {@code type}.
     */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1));
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
