package dev.auditweave.sample.abuse;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** An editor's feedback on a log entry: the abuse was real, or the entry was a false positive (it then scores 0). */
public enum Verdict {
    CONFIRMED, FALSE_POSITIVE;

    /** The lower-case name the API and the page use: {@code confirmed}, {@code false_positive}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The verdict of a label.
     *
     * @throws IllegalArgumentException naming the label and the ones that exist
     */
    public static Verdict of(String label) {
        for (Verdict verdict : values()) {
            if (verdict.label().equals(label)) {
                return verdict;
            }
        }
        throw new IllegalArgumentException("unknown verdict '" + label + "': expected one of "
                + Arrays.stream(values()).map(Verdict::label).collect(Collectors.joining(", ")));
    }
}
