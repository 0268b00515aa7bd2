package dev.auditweave.sample.abuse;

import dev.auditweave.annotations.EventCatalog;

/**
 * The event types the abuse service emits itself, through auditweave, about its own write paths: a second catalogue
 * beside {@code EventTypes}, checked by auditweave-processor the same way.
 */
@EventCatalog
public final class AbuseEventTypes {

    /** A first feedback verdict on a log entry (the upsert inserted it). */
    public static final String VERDICT_RECORDED = "abuse.verdict_recorded";
    /** A log entry's verdict changed to another one. */
    public static final String VERDICT_CHANGED = "abuse.verdict_changed";
    /** Thresholds changed at run time. */
    public static final String THRESHOLD_CHANGED = "abuse.threshold_changed";
    /** An analyst's score was applied to a log entry. */
    public static final String SCORE_APPLIED = "abuse.score_applied";

    private AbuseEventTypes() {
    }
}
