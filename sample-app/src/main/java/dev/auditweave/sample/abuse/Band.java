package dev.auditweave.sample.abuse;

/**
 * How risky a score is, against a set of {@link Thresholds}: below the low threshold {@link #NONE}, then
 * {@link #LOW}, {@link #MEDIUM} and {@link #HIGH}. {@link #ALLOWLISTED} marks an event whose IP address is on the
 * allowlist: it was not scored at all.
 */
public enum Band {
    NONE, LOW, MEDIUM, HIGH, ALLOWLISTED;

    /** The lower-case name the API and the page use. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
