package dev.auditweave.sample.abuse;

/**
 * One run-time change of the thresholds of a scope ({@link ThresholdTable#DEFAULT_SCOPE} or an event type).
 *
 * @param scope    {@code *} for the default thresholds, else the event type they apply to
 * @param previous what applied before ({@code null} when the type had no thresholds of its own)
 * @param current  what applies now
 */
public record ThresholdChange(String scope, Thresholds previous, Thresholds current) {

    /** Whether anything changed: setting the values already in force changes nothing. */
    public boolean changed() {
        return !current.equals(previous);
    }
}
