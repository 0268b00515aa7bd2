package dev.auditweave.sample.abuse;

/**
 * The outcome of recording a verdict (an upsert keyed by the log id).
 *
 * @param logId          the entry
 * @param verdict        the verdict now, as its label
 * @param previous       the verdict before, or {@code null} when the entry had none
 * @param organizationId the entry's organisation, or {@code null}
 * @param inserted       whether this was the entry's first verdict
 */
public record VerdictWrite(long logId, String verdict, String previous, String organizationId, boolean inserted) {

    /** Whether the verdict is different from the one before (a first verdict is a change). */
    public boolean changed() {
        return !verdict.equals(previous);
    }
}
